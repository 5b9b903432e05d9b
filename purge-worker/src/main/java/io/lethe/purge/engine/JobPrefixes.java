package io.lethe.purge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lethe.stores.object.ObjectKeys;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The object-store prefixes of a job ({@code purge.job_prefixes}): the dataset's own and
 * one per asset the dataset owns. Fixed at the fence so that the objects step, verify and
 * the receipt see the same set even after the asset rows are deleted.
 */
@Repository
class JobPrefixes {

	/** Keyset start below every real id. */
	static final UUID BEFORE_ALL = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JobPrefixes(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Adds the dataset's prefix and those of the assets it owns that are not listed yet.
	 * Runs in the fence's transaction; reads the assets page by page.
	 * @return how many prefixes were added
	 */
	int snapshot(UUID job, UUID org, UUID dataset, int pageSize) {
		int next = this.jdbc.sql("select coalesce(max(ordinal), -1) + 1 from purge.job_prefixes where job_id = ?")
			.param(job)
			.query(Integer.class)
			.single();
		int added = 0;
		if (next == 0) {
			this.jdbc.sql("insert into purge.job_prefixes (job_id, ordinal, prefix) values (?, 0, ?)")
				.params(job, ObjectKeys.datasetPrefix(org, dataset))
				.update();
			next = 1;
			added++;
		}
		UUID after = BEFORE_ALL;
		while (true) {
			List<OwnedAsset> page = this.jdbc.sql("""
					select a.id, a.org_id from catalog.assets a
					where a.owner_dataset_id = ? and a.id > ?
					  and not exists (select 1 from purge.job_prefixes p where p.job_id = ? and p.asset_id = a.id)
					order by a.id limit ?
					""")
				.params(dataset, after, job, pageSize)
				.query((rs, row) -> new OwnedAsset(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class)))
				.list();
			if (page.isEmpty()) {
				return added;
			}
			List<Object[]> rows = new ArrayList<>(page.size());
			for (OwnedAsset asset : page) {
				rows.add(new Object[] { job, next++, ObjectKeys.assetPrefix(asset.org(), asset.id()), asset.id() });
			}
			this.template.batchUpdate(
					"insert into purge.job_prefixes (job_id, ordinal, prefix, asset_id) values (?, ?, ?, ?)", rows);
			added += page.size();
			after = page.get(page.size() - 1).id();
		}
	}

	/** The prefixes after {@code afterOrdinal}, in order. */
	List<JobPrefix> page(UUID job, int afterOrdinal, int limit) {
		return this.jdbc
			.sql("select ordinal, prefix, asset_id from purge.job_prefixes where job_id = ? and ordinal > ? "
					+ "order by ordinal limit ?")
			.params(job, afterOrdinal, limit)
			.query((rs, row) -> new JobPrefix(rs.getInt("ordinal"), rs.getString("prefix"),
					rs.getObject("asset_id", UUID.class)))
			.list();
	}

	/** The owned assets' ids after {@code after}, in the database's uuid order. */
	List<UUID> assetIds(UUID job, UUID after, int limit) {
		return this.jdbc
			.sql("select asset_id from purge.job_prefixes where job_id = ? and asset_id > ? "
					+ "order by asset_id limit ?")
			.params(job, after, limit)
			.query(UUID.class)
			.list();
	}

	/** One prefix of a job and, for an asset's prefix, the asset. */
	record JobPrefix(int ordinal, String prefix, UUID assetId) {
	}

	private record OwnedAsset(UUID id, UUID org) {
	}

}
