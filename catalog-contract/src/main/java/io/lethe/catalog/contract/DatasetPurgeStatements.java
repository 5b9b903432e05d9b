package io.lethe.catalog.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dataset row a dataset purge fences and tombstones (a samples purge checks its batch
 * against it too), and the assets the fence keeps or takes along.
 */
public class DatasetPurgeStatements {

	/** What {@code updated_by} says when the purge changes a catalog row. */
	public static final String PURGE_WORKER = "lethe-purge-worker";

	private final JdbcClient jdbc;

	public DatasetPurgeStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The dataset row, locked ({@code for update}) until the caller's transaction ends.
	 */
	public Optional<DatasetRow> lock(UUID dataset) {
		return this.jdbc
			.sql("select org_id, status, expires_at, (expires_at is null or expires_at <= now()) as due, "
					+ "legal_hold_reason, legal_hold_at from catalog.datasets where id = ? for update")
			.param(dataset)
			.query((rs, row) -> {
				OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
				String hold = (rs.getObject("legal_hold_at") != null)
						? Objects.requireNonNullElse(rs.getString("legal_hold_reason"), "no reason given") : null;
				return new DatasetRow(rs.getObject("org_id", UUID.class), rs.getString("status"),
						(expires != null) ? expires.toInstant() : null, rs.getBoolean("due"), hold);
			})
			.optional();
	}

	/** The fence: from now on the command service refuses writes to the dataset. */
	public void markPurging(UUID dataset) {
		this.jdbc.sql("update catalog.datasets set status = 'purging' where id = ? and status = 'pending_deletion'")
			.param(dataset)
			.update();
	}

	/**
	 * Assets the dataset owns that a live item of another dataset still uses stay: they
	 * lose their owner instead, so that the purge does not take them along.
	 * @return how many were kept
	 */
	public int releaseSharedAssets(UUID dataset) {
		return this.jdbc.sql("""
				update catalog.assets a set owner_dataset_id = null, updated_at = now(), updated_by = :by
				where a.owner_dataset_id = :dataset
				  and exists (select 1 from catalog.items i
				              where i.asset_id = a.id and i.dataset_id <> :dataset and i.status = 'active')
				""").param("dataset", dataset).param("by", PURGE_WORKER).update();
	}

	/**
	 * Adds to the job's prefixes ({@code purge.job_prefixes}) one per asset the dataset
	 * owns that is not listed yet, numbered from {@code firstOrdinal} in asset id order,
	 * each {@code assetsPrefix + id + '/'}. A dataset may own millions of assets: the
	 * database writes them in one statement, one pass, and no id travels to the worker.
	 * @return how many were added
	 */
	public int addOwnedAssetPrefixes(UUID job, UUID dataset, int firstOrdinal, String assetsPrefix) {
		return this.jdbc
			.sql("""
					insert into purge.job_prefixes (job_id, ordinal, prefix, asset_id)
					select :job, :next + (row_number() over (order by a.id))::int - 1, :assets || a.id || '/', a.id
					from catalog.assets a
					where a.owner_dataset_id = :dataset and not exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.asset_id = a.id)
					""")
			.param("dataset", dataset)
			.param("job", job)
			.param("next", firstOrdinal)
			.param("assets", assetsPrefix)
			.update();
	}

	/** The tombstone: the id, org and times stay, the name and content go. */
	public void tombstone(UUID dataset) {
		this.jdbc.sql("""
				update catalog.datasets set status = 'purged', name = 'purged', description = null,
				       dataset_config = null, metadata_fields_to_index = null, metadata_fields_to_embed = null
				where id = ?
				""").param(dataset).update();
	}

	/**
	 * The dataset row as a fence reads it; {@code due} when its grace period is over;
	 * {@code legalHold} the reason of a hold an operator placed, or null.
	 */
	public record DatasetRow(UUID orgId, String status, Instant expiresAt, boolean due, String legalHold) {

		public boolean held() {
			return this.legalHold != null;
		}

	}

}
