package io.lethe.catalog.contract;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a samples purge's fence asks the catalog: which of the items and sources its event
 * named ({@code purge.job_targets}) may go. Each answer is a page by target id of those
 * whose prefix the job does not list yet.
 */
public class SamplesPurgeStatements {

	private final JdbcClient jdbc;

	public SamplesPurgeStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Named items that are deleted, of the dataset and the org, or already gone. */
	public List<UUID> itemsThatMayGo(UUID job, UUID dataset, UUID org, UUID after, int size) {
		return this.jdbc
			.sql("""
					select t.target_id from purge.job_targets t left join catalog.items i on i.id = t.target_id
					where t.job_id = :job and t.kind = 'item' and t.target_id > :after
					  and (i.id is null or (i.status = 'deleted' and i.dataset_id = :dataset and i.org_id = :org)) and not exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.item_id = t.target_id)
					order by t.target_id limit :size
					""")
			.param("job", job)
			.param("dataset", dataset)
			.param("org", org)
			.param("after", after)
			.param("size", size)
			.query(UUID.class)
			.list();
	}

	/** Named sources (assets) that are deleted and the org's, or already gone. */
	public List<UUID> sourcesThatMayGo(UUID job, UUID org, UUID after, int size) {
		return this.jdbc
			.sql("""
					select t.target_id from purge.job_targets t left join catalog.assets a on a.id = t.target_id
					where t.job_id = :job and t.kind = 'asset' and t.target_id > :after
					  and (a.id is null or (a.status = 'deleted' and a.org_id = :org)) and not exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.asset_id = t.target_id)
					order by t.target_id limit :size
					""")
			.param("job", job)
			.param("org", org)
			.param("after", after)
			.param("size", size)
			.query(UUID.class)
			.list();
	}

}
