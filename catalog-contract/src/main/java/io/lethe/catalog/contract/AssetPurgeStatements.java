package io.lethe.catalog.contract;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an asset purge reads of the catalog: the asset row its fence locks, the legal hold
 * that makes it wait, the deleted items a cascade takes along, the uploads recorded for a
 * job's assets, and how many assets of the org a job leaves.
 */
public class AssetPurgeStatements {

	private final JdbcClient jdbc;

	public AssetPurgeStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The asset row, locked ({@code for update}) until the caller's transaction ends. */
	public Optional<AssetRow> lock(UUID asset) {
		return this.jdbc.sql("select org_id, status from catalog.assets where id = ? for update")
			.param(asset)
			.query((rs, n) -> new AssetRow(rs.getObject("org_id", UUID.class), rs.getString("status")))
			.optional();
	}

	/**
	 * A dataset under legal hold whose live item still uses the asset (not flagged
	 * {@code source_deleted}) or, for a cascade, whose deleted item referenced it; the
	 * first by id, locked {@code for share} (as the command service's asset delete locks
	 * it) until the caller's transaction ends, so a hold placed meanwhile waits for it.
	 */
	public Optional<Hold> holdOn(UUID asset, boolean cascade) {
		return this.jdbc.sql("""
				select d.id, coalesce(d.legal_hold_reason, 'no reason given') as reason from catalog.datasets d
				where d.id in (select i.dataset_id from catalog.items i where i.asset_id = :asset
				               and ((i.status = 'active' and not i.source_deleted)
				                    or (:cascade and i.status = 'deleted')))
				  and d.legal_hold_at is not null
				order by d.id limit 1 for share
				""")
			.param("asset", asset)
			.param("cascade", cascade)
			.query((rs, n) -> new Hold(rs.getObject("id", UUID.class), rs.getString("reason")))
			.optional();
	}

	/**
	 * One page, by item id after {@code after}, of the org's deleted items that
	 * referenced the asset and whose prefix the job does not list yet: the items a
	 * cascading delete took along.
	 */
	public List<ReferencingItem> deletedItemsReferencing(UUID job, UUID asset, UUID org, UUID after, int size) {
		return this.jdbc
			.sql("""
					select i.id, i.dataset_id from catalog.items i
					where i.asset_id = :asset and i.org_id = :org and i.status = 'deleted' and i.id > :after and not exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.item_id = i.id)
					order by i.id limit :size
					""")
			.param("asset", asset)
			.param("org", org)
			.param("job", job)
			.param("after", after)
			.param("size", size)
			.query((rs, row) -> new ReferencingItem(rs.getObject("id", UUID.class),
					rs.getObject("dataset_id", UUID.class)))
			.list();
	}

	/**
	 * Up to {@code limit} of the multipart uploads the catalog recorded for the job's
	 * assets (those its fence listed in {@code purge.job_prefixes}), wherever their keys
	 * are, after the asset {@code after}, in asset id order. One statement a page of
	 * uploads, not one per page of the job's assets: a dataset of 100,000 assets has
	 * seldom more than a few uploads under way, and asking by pages of its assets took
	 * 400 round trips (0.5 s in a bench run of 7 December).
	 */
	public List<RecordedUpload> uploadsOfJobAssets(UUID job, UUID after, int limit) {
		return this.jdbc.sql("""
				select u.asset_id, u.object_key, u.upload_id from catalog.asset_uploads u
				where u.asset_id > :after
				  and exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.asset_id = u.asset_id)
				order by u.asset_id limit :limit
				""")
			.param("job", job)
			.param("after", after)
			.param("limit", limit)
			.query((rs, row) -> new RecordedUpload(rs.getObject("asset_id", UUID.class), rs.getString("object_key"),
					rs.getString("upload_id")))
			.list();
	}

	/**
	 * How many assets the org has in the catalog, counted no further than {@code cap}.
	 */
	public long orgAssets(UUID org, long cap) {
		return this.jdbc.sql("select count(*) from (select 1 from catalog.assets where org_id = :org limit :cap) o")
			.param("org", org)
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	/**
	 * How many of the org's assets the job does not list, counted no further than
	 * {@code cap} (an org of millions of assets is not counted through for a job of
	 * five).
	 */
	public long otherAssetsOfOrg(UUID job, UUID org, long cap) {
		return this.jdbc.sql("""
				select count(*) from (
				  select 1 from catalog.assets a
				  where a.org_id = :org
				    and not exists (select 1 from purge.job_prefixes p where p.job_id = :job and p.asset_id = a.id)
				  limit :cap) o
				""").param("org", org).param("job", job).param("cap", cap).query(Long.class).single();
	}

	/** The asset row as the fence reads it. */
	public record AssetRow(UUID orgId, String status) {
	}

	/** A legal hold on a dataset: its id and the reason given. */
	public record Hold(UUID dataset, String reason) {
	}

	/** A deleted item that referenced an asset, and its dataset. */
	public record ReferencingItem(UUID id, UUID dataset) {
	}

	/** A multipart upload the catalog recorded: its asset, key and upload id. */
	public record RecordedUpload(UUID assetId, String objectKey, String uploadId) {
	}

}
