package io.lethe.purge.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import io.lethe.catalog.contract.AssetPurgeStatements;
import io.lethe.catalog.contract.DatasetPurgeStatements;
import io.lethe.catalog.contract.SamplesPurgeStatements;
import io.lethe.stores.object.ObjectKeys;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The object-store prefixes of a job ({@code purge.job_prefixes}), each with the asset or
 * item it belongs to: a dataset's own prefix and one per asset it owns; an asset's prefix
 * and those of the deleted items that referenced it, when its deletion cascaded; the
 * prefixes of a batch's items and deleted sources. Fixed at the fence so that the other
 * steps, verify and the receipt see the same set even after the rows are deleted. Each
 * snapshot runs in the fence's transaction, never holds more than a page in the worker,
 * and adds only what is not listed yet, so a fence that runs again adds only what is new.
 */
@Repository
public class JobPrefixes {

	/** Keyset start below every real id. */
	public static final UUID BEFORE_ALL = new UUID(0, 0);

	/** Prefixes added by one fence from which the planner is told about them at once. */
	static final int ANALYZE_AFTER_PREFIXES = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DatasetPurgeStatements datasets;

	private final AssetPurgeStatements assets;

	private final SamplesPurgeStatements samples;

	JobPrefixes(JdbcClient jdbc, JdbcTemplate template, DatasetPurgeStatements datasets, AssetPurgeStatements assets,
			SamplesPurgeStatements samples) {
		this.jdbc = jdbc;
		this.template = template;
		this.datasets = datasets;
		this.assets = assets;
		this.samples = samples;
	}

	/**
	 * The dataset's prefix and those of the assets it owns.
	 * @return how many prefixes were added
	 */
	public int snapshotDataset(UUID job, UUID org, UUID dataset) {
		int next = next(job);
		int added = (next == 0) ? insert(job, List.of(new Prefix(ObjectKeys.datasetPrefix(org, dataset), null, null)))
				: 0;
		// A dataset may own millions of assets: the database writes their prefixes in one
		// statement, one pass over the dataset's assets, and no id travels to the worker.
		return analyzedWhenMany(added
				+ this.datasets.addOwnedAssetPrefixes(job, dataset, next + added, ObjectKeys.orgAssetsPrefix(org)));
	}

	/**
	 * The asset's prefix and, when its job asks for them, those of the deleted items of
	 * the org that referenced it: the items a cascading delete took along, but never
	 * those of a dataset under legal hold (a hold keeps its dataset as it is).
	 * @return how many prefixes were added
	 */
	public int snapshotAsset(UUID job, UUID org, UUID asset, int pageSize) {
		int added = listed(job, asset) ? 0 : insert(job, List.of(asset(org, asset)));
		if (target(job, "referencing_items").isEmpty()) {
			return added;
		}
		return analyzedWhenMany(added + addPages(job, pageSize,
				(after, size) -> this.assets.deletedItemsReferencing(job, asset, org, after, size)
					.stream()
					.map((item) -> item(org, item.dataset(), item.id()))
					.toList()));
	}

	/**
	 * The prefixes of the batch's items and sources that the catalog agrees may go: an
	 * item that is deleted, in the dataset and the org (or already gone), an asset that
	 * is deleted and the org's (or already gone). Anything else the event named is kept.
	 * @return how many prefixes were added
	 */
	public int snapshotSamples(UUID job, UUID org, UUID dataset, int pageSize) {
		int added = addPages(job, pageSize,
				(after, size) -> this.samples.itemsThatMayGo(job, dataset, org, after, size)
					.stream()
					.map((item) -> item(org, dataset, item))
					.toList());
		return analyzedWhenMany(added + addPages(job, pageSize,
				(after, size) -> this.samples.sourcesThatMayGo(job, org, after, size)
					.stream()
					.map((source) -> asset(org, source))
					.toList()));
	}

	/** The items and assets the job's event named that the fence did not fix. */
	public long unfixedTargets(UUID job) {
		return this.jdbc.sql("""
				select count(*) from purge.job_targets t
				where t.job_id = ? and t.kind in ('item', 'asset')
				  and not exists (select 1 from purge.job_prefixes p where p.job_id = t.job_id
				                  and (p.item_id = t.target_id or p.asset_id = t.target_id))
				""").param(job).query(Long.class).single();
	}

	/** The target of the given kind the job's event named, if it named one. */
	public Optional<UUID> target(UUID job, String kind) {
		return this.jdbc.sql("select target_id from purge.job_targets where job_id = ? and kind = ? limit 1")
			.params(job, kind)
			.query(UUID.class)
			.optional();
	}

	/** The prefixes after {@code afterOrdinal}, in order. */
	public List<JobPrefix> page(UUID job, int afterOrdinal, int limit) {
		return this.jdbc
			.sql("select ordinal, prefix, asset_id from purge.job_prefixes where job_id = ? and ordinal > ? "
					+ "order by ordinal limit ?")
			.params(job, afterOrdinal, limit)
			.query((rs, row) -> new JobPrefix(rs.getInt("ordinal"), rs.getString("prefix"),
					rs.getObject("asset_id", UUID.class)))
			.list();
	}

	/** The prefixes after {@code afterOrdinal} that are not an asset's, in order. */
	public List<JobPrefix> pageWithoutAssets(UUID job, int afterOrdinal, int limit) {
		return this.jdbc
			.sql("select ordinal, prefix, asset_id from purge.job_prefixes where job_id = ? and ordinal > ? "
					+ "and asset_id is null order by ordinal limit ?")
			.params(job, afterOrdinal, limit)
			.query((rs, row) -> new JobPrefix(rs.getInt("ordinal"), rs.getString("prefix"), null))
			.list();
	}

	/**
	 * Whether the job has more than {@code moreThan} assets and they are at least
	 * {@code share} of the org's: those of the job against those of the catalog that are
	 * not the job's, counted no further than the answer needs (an org of millions of
	 * assets is not counted through for a job of five).
	 */
	boolean assetsAreShareOfOrg(UUID job, UUID org, double share, long moreThan) {
		long assets = jobAssets(job, Long.MAX_VALUE);
		if (assets == 0 || assets <= moreThan) {
			return false;
		}
		// share <= assets / (assets + others) <=> others <= assets * (1 - share) / share
		long othersAllowed = Math.min((long) Math.floor(assets * (1 - share) / share), Long.MAX_VALUE - 1);
		return othersAtMost(job, org, assets, othersAllowed);
	}

	/**
	 * Whether the org has at most {@code othersAllowed} assets in the catalog that are
	 * not the job's {@code jobAssets}. The org's assets in all bound the others from both
	 * sides (at most all of them, at least all but the job's), and counting them asks
	 * nothing per asset; which of them are the job's is asked only when the bounds do not
	 * decide: at 100,000 assets that took 0.6 s on the purge's path (bench run of 7
	 * December).
	 */
	private boolean othersAtMost(UUID job, UUID org, long jobAssets, long othersAllowed) {
		long orgAssets = this.assets.orgAssets(org, Math.min(othersAllowed + jobAssets + 1, Long.MAX_VALUE - 1));
		Boolean decided = othersWithinByOrgTotal(jobAssets, orgAssets, othersAllowed);
		if (decided != null) {
			return decided;
		}
		return this.assets.otherAssetsOfOrg(job, org, othersAllowed + 1) <= othersAllowed;
	}

	/**
	 * Whether the org's other assets (those not the job's) are at most
	 * {@code othersAllowed}, as far as the org's assets in all tell: at most all of them,
	 * at least all but the job's {@code jobAssets}. Null when the bounds do not decide.
	 */
	static Boolean othersWithinByOrgTotal(long jobAssets, long orgAssets, long othersAllowed) {
		if (orgAssets <= othersAllowed) {
			return true;
		}
		if (orgAssets - jobAssets > othersAllowed) {
			return false;
		}
		return null;
	}

	/**
	 * Whether the org has at most {@code limit} assets in the catalog (the job's counted
	 * from its prefixes, so that they count once their rows are gone too), counted no
	 * further than the answer needs.
	 */
	boolean orgAssetsAtMost(UUID job, UUID org, long limit) {
		long assets = jobAssets(job, Math.min(limit, Long.MAX_VALUE - 1) + 1);
		if (assets > limit) {
			return false;
		}
		return othersAtMost(job, org, assets, limit - assets);
	}

	/**
	 * The job's assets, counted up to {@code cap}: whether a job of 100,000 assets has
	 * more than 2,000 is 2,001 rows to read, not 100,000 (20 to 96 ms, twice a purge).
	 */
	private long jobAssets(UUID job, long cap) {
		return this.jdbc
			.sql("select count(*) from (select 1 from purge.job_prefixes where job_id = ? and asset_id is not null "
					+ "limit ?) capped")
			.params(job, cap)
			.query(Long.class)
			.single();
	}

	/**
	 * Up to {@code limit} of the job's assets' ids from {@code from} on (itself
	 * included), as text in the database's uuid order, which is also their text's order.
	 */
	List<String> assetIdsFrom(UUID job, UUID from, int limit) {
		return this.jdbc
			.sql("select asset_id from purge.job_prefixes where job_id = ? and asset_id >= ? order by asset_id limit ?")
			.params(job, from, limit)
			.query((rs, row) -> rs.getString("asset_id"))
			.list();
	}

	/** The job's items' ids after {@code after}, in the database's uuid order. */
	public List<UUID> itemIds(UUID job, UUID after, int limit) {
		return this.jdbc
			.sql("select item_id from purge.job_prefixes where job_id = ? and item_id > ? order by item_id limit ?")
			.params(job, after, limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Adds the pages a query returns (given the last key and a page size) until it
	 * returns none.
	 */
	private int addPages(UUID job, int pageSize, BiFunction<UUID, Integer, List<Prefix>> pages) {
		int added = 0;
		UUID after = BEFORE_ALL;
		List<Prefix> page;
		while (!(page = pages.apply(after, pageSize)).isEmpty()) {
			added += insert(job, page);
			after = page.get(page.size() - 1).key();
		}
		return added;
	}

	private boolean listed(UUID job, UUID asset) {
		return this.jdbc.sql("select exists (select 1 from purge.job_prefixes where job_id = ? and asset_id = ?)")
			.params(job, asset)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Analyzes the prefixes table after a fence added many rows, so that the steps' plans
	 * know them. The steps ask at once which of the org's assets, items or targets a job
	 * does not list (anti-joins against this table), and autovacuum analyzes a table only
	 * after a minute or more: in a bench run a job of 100,000 prefixes found no
	 * statistics, the planner took the job's prefixes for a few hundred, and its nested
	 * loop compared every asset of the org with every prefix, fifteen minutes on one core
	 * before it was stopped. Inside the fence's transaction, ANALYZE counts the rows it
	 * added; a role that does not own the table only gets a warning. Only the columns the
	 * anti-joins compare: the prefixes' text, the widest column, costs up to half of the
	 * time (a trial of 7 December on 210,000 rows: 106 to 125 ms with it, 48 to 99 ms
	 * without) for statistics no plan uses.
	 */
	private int analyzedWhenMany(int added) {
		if (added >= ANALYZE_AFTER_PREFIXES) {
			this.jdbc.sql("analyze purge.job_prefixes (job_id, asset_id, item_id)").update();
		}
		return added;
	}

	private int insert(UUID job, List<Prefix> prefixes) {
		int next = next(job);
		List<Object[]> rows = new ArrayList<>(prefixes.size());
		for (Prefix prefix : prefixes) {
			rows.add(new Object[] { job, next++, prefix.prefix(), prefix.assetId(), prefix.itemId() });
		}
		this.template.batchUpdate(
				"insert into purge.job_prefixes (job_id, ordinal, prefix, asset_id, item_id) values (?, ?, ?, ?, ?)",
				rows);
		return prefixes.size();
	}

	private int next(UUID job) {
		return this.jdbc.sql("select coalesce(max(ordinal), -1) + 1 from purge.job_prefixes where job_id = ?")
			.param(job)
			.query(Integer.class)
			.single();
	}

	private static Prefix asset(UUID org, UUID asset) {
		return new Prefix(ObjectKeys.assetPrefix(org, asset), asset, null);
	}

	private static Prefix item(UUID org, UUID dataset, UUID item) {
		return new Prefix(ObjectKeys.itemPrefix(org, dataset, item), null, item);
	}

	/** One prefix of a job and, for an asset's prefix, the asset. */
	public record JobPrefix(int ordinal, String prefix, UUID assetId) {
	}

	/** A prefix to add, and the asset or item it belongs to. */
	private record Prefix(String prefix, UUID assetId, UUID itemId) {

		/** The keyset key of the query that found it. */
		UUID key() {
			return (this.itemId != null) ? this.itemId : this.assetId;
		}

	}

}
