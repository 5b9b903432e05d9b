package io.lethe.purge.engine;

import java.util.List;
import java.util.UUID;

import io.lethe.purge.job.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the dataset's catalog rows in keyset chunks, one short transaction per chunk
 * together with the job's count and checkpoint ({@code phase:last key}): items, share
 * links, the owned assets with their entity links, uploads and parts, and the object
 * intents under the job's prefixes. Walking by key, never from the start again, keeps
 * each chunk from stepping over the dead index entries of the chunks before it. The
 * dataset row stays: it becomes the tombstone.
 */
@Component
class DatasetRows implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetRows.class);

	private static final List<String> PHASES = List.of("items", "share_links", "assets", "intents");

	private final JdbcClient jdbc;

	private final DatasetCatalog catalog;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	DatasetRows(JdbcClient jdbc, DatasetCatalog catalog, TransactionTemplate transactions, EngineProperties properties,
			StoreRetry retry) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
	}

	@Override
	public String name() {
		return "rows";
	}

	@Override
	public StepResult run(PurgeRun run) {
		UUID job = run.job().id();
		UUID dataset = run.rootId();
		if (run.job().rowsTotal() == null) {
			long left = this.retry.call("count rows", () -> this.catalog.rows(job, dataset));
			run.total(Counter.ROWS, run.job().rowsDeleted() + left);
		}
		String checkpoint = run.checkpoint();
		int from = (checkpoint != null) ? PHASES.indexOf(checkpoint.substring(0, checkpoint.indexOf(':'))) : 0;
		long deleted = 0;
		for (int phase = Math.max(from, 0); phase < PHASES.size(); phase++) {
			String name = PHASES.get(phase);
			String after = (phase == from && checkpoint != null) ? checkpoint.substring(checkpoint.indexOf(':') + 1)
					: null;
			while (true) {
				run.lease().ensureHeld();
				String from0 = after;
				Chunk chunk = this.retry.call("delete " + name + " rows",
						() -> this.transactions.execute((status) -> deleteChunk(run, name, from0)));
				if (chunk.lastKey() == null) {
					break;
				}
				deleted += chunk.deleted();
				after = chunk.lastKey();
			}
		}
		logger.info("Purge job {} for dataset {}: {} catalog rows deleted", job, dataset, deleted);
		return StepResult.NEXT;
	}

	private Chunk deleteChunk(PurgeRun run, String phase, String after) {
		UUID job = run.job().id();
		UUID dataset = run.rootId();
		int size = this.properties.rowChunk();
		Chunk chunk = switch (phase) {
			case "items" -> byId(ids("select id from catalog.items where dataset_id = ? and id > ? order by id limit ?",
					dataset, after, size), "delete from catalog.items where id = any(?)");
			case "share_links" ->
				byId(ids("select id from catalog.share_links where dataset_id = ? and id > ? order by id limit ?",
						dataset, after, size), "delete from catalog.share_links where id = any(?)");
			case "assets" -> byId(
					ids("select asset_id from purge.job_prefixes where job_id = ? and asset_id > ? "
							+ "order by asset_id limit ?", job, after, size),
					"delete from catalog.entity_assets where asset_id = any(?)",
					"delete from catalog.asset_upload_parts where asset_id = any(?)",
					"delete from catalog.asset_uploads where asset_id = any(?)",
					"delete from catalog.assets where id = any(?)");
			case "intents" -> intents(job, (after != null) ? after : "", size);
			default -> throw new IllegalStateException("Unknown rows phase " + phase);
		};
		if (chunk.lastKey() != null) {
			run.progress(Counter.ROWS, chunk.deleted(), phase + ":" + chunk.lastKey());
		}
		return chunk;
	}

	private List<UUID> ids(String select, UUID owner, String after, int size) {
		UUID from = (after != null) ? UUID.fromString(after) : JobPrefixes.BEFORE_ALL;
		return this.jdbc.sql(select).params(owner, from, size).query(UUID.class).list();
	}

	/** Deletes with each statement, in order, the rows keyed by the ids of one chunk. */
	private Chunk byId(List<UUID> ids, String... deletes) {
		if (ids.isEmpty()) {
			return new Chunk(0, null);
		}
		UUID[] keys = ids.toArray(UUID[]::new);
		long deleted = 0;
		for (String delete : deletes) {
			deleted += this.jdbc.sql(delete).param(keys).update();
		}
		// The last id in the database's order, which is not Java's UUID order.
		return new Chunk(deleted, ids.get(ids.size() - 1).toString());
	}

	private Chunk intents(UUID job, String after, int size) {
		List<String> keys = this.jdbc.sql("""
				select oi.object_key from catalog.object_intents oi
				where oi.object_key > ? and exists (select 1 from purge.job_prefixes p
				                                    where p.job_id = ? and starts_with(oi.object_key, p.prefix))
				order by oi.object_key limit ?
				""").params(after, job, size).query(String.class).list();
		if (keys.isEmpty()) {
			return new Chunk(0, null);
		}
		long deleted = this.jdbc.sql("delete from catalog.object_intents where object_key = any(?)")
			.param(keys.toArray(String[]::new))
			.update();
		return new Chunk(deleted, keys.get(keys.size() - 1));
	}

	private record Chunk(long deleted, String lastKey) {
	}

}
