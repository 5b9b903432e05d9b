package io.lethe.command.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's items. */
@Repository
public class Items {

	private static final String COLUMNS = "id, org_id, dataset_id, asset_id, asset_type, status, source_deleted, "
			+ "preview_key, created_at, created_by";

	private final JdbcClient jdbc;

	Items(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Item i) {
		this.jdbc
			.sql("insert into catalog.items (" + COLUMNS + ") values (:id, :org, :dataset, :asset, :type, "
					+ ":status, :sourceDeleted, :preview, :created, :createdBy)")
			.param("id", i.id())
			.param("org", i.orgId())
			.param("dataset", i.datasetId())
			.param("asset", i.assetId())
			.param("type", i.assetType())
			.param("status", i.status())
			.param("sourceDeleted", i.sourceDeleted())
			.param("preview", i.previewKey())
			.param("created", Timestamp.from(i.createdAt()))
			.param("createdBy", i.createdBy())
			.update();
	}

	public Optional<Item> findActive(UUID dataset, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.items where id = :id and dataset_id = :dataset "
					+ "and status = 'active'")
			.param("id", id)
			.param("dataset", dataset)
			.query(Items::map)
			.optional();
	}

	/**
	 * The dataset's active item, locked (shared) until the transaction ends: it cannot be
	 * deleted meanwhile, so nothing is written for an item whose purge may have begun.
	 */
	Optional<Item> lockActiveShared(UUID dataset, UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.items where id = :id and dataset_id = :dataset "
					+ "and status = 'active' for share")
			.param("id", id)
			.param("dataset", dataset)
			.query(Items::map)
			.optional();
	}

	List<Item> page(UUID dataset, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.items where dataset_id = :dataset and status = 'active' "
					+ "order by created_at desc, id desc limit :limit offset :offset")
			.param("dataset", dataset)
			.param("limit", limit)
			.param("offset", offset)
			.query(Items::map)
			.list();
	}

	long count(UUID dataset) {
		return this.jdbc.sql("select count(*) from catalog.items where dataset_id = :dataset and status = 'active'")
			.param("dataset", dataset)
			.query(Long.class)
			.single();
	}

	/** Of the candidates, the items that are still active in the dataset. */
	Set<UUID> live(UUID dataset, Collection<UUID> candidates) {
		return Set.copyOf(this.jdbc
			.sql("select id from catalog.items where dataset_id = :dataset and status = 'active' and id = any(:ids)")
			.param("dataset", dataset)
			.param("ids", candidates.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	List<Item> findAll(Collection<UUID> ids) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.items where id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(Items::map)
			.list();
	}

	/**
	 * Active items of active datasets of the org that reference the asset, oldest first.
	 */
	public List<Item> referencing(UUID org, UUID asset) {
		return this.jdbc
			.sql("select i.id, i.org_id, i.dataset_id, i.asset_id, i.asset_type, i.status, i.source_deleted, "
					+ "i.preview_key, i.created_at, i.created_by from catalog.items i "
					+ "join catalog.datasets d on d.id = i.dataset_id "
					+ "where i.org_id = :org and i.asset_id = :asset and i.status = 'active' and d.status = 'active' "
					+ "order by i.created_at, i.id")
			.param("org", org)
			.param("asset", asset)
			.query(Items::map)
			.list();
	}

	/** Locks the given active items of the dataset until the transaction ends. */
	List<Item> lockActive(UUID dataset, Collection<UUID> ids) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.items where dataset_id = :dataset and status = 'active' "
					+ "and id = any(:ids) order by id for update")
			.param("dataset", dataset)
			.param("ids", ids.toArray(UUID[]::new))
			.query(Items::map)
			.list();
	}

	List<UUID> sourcesOf(UUID dataset, Collection<UUID> ids) {
		return this.jdbc.sql("""
				select distinct asset_id from catalog.items
				where dataset_id = :dataset and status = 'active' and not source_deleted and id = any(:ids)
				order by asset_id
				""").param("dataset", dataset).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
	}

	int markDeleted(Collection<UUID> ids, String by, java.time.Instant at) {
		return this.jdbc
			.sql("update catalog.items set status = 'deleted', deleted_at = :at, deleted_by = :by "
					+ "where id = any(:ids) and status = 'active'")
			.param("ids", ids.toArray(UUID[]::new))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/**
	 * The active items of the org that reference the asset, each with its dataset's
	 * state; the datasets stay locked (shared) until the transaction ends. Locked in
	 * dataset id order, so that two such reads never wait on each other crosswise.
	 */
	List<AssetReference> lockReferences(UUID org, UUID asset) {
		return this.jdbc.sql("""
				select i.id, i.dataset_id, d.status, d.legal_hold_at is not null as held
				from catalog.items i join catalog.datasets d on d.id = i.dataset_id
				where i.org_id = :org and i.asset_id = :asset and i.status = 'active'
				order by d.id, i.id
				for share of d
				""")
			.param("org", org)
			.param("asset", asset)
			.query((rs, row) -> new AssetReference(rs.getObject("id", UUID.class),
					rs.getObject("dataset_id", UUID.class), rs.getString("status"), rs.getBoolean("held")))
			.list();
	}

	/**
	 * Deletes the active items of the org's {@code active} datasets that reference the
	 * asset; items of a dataset pending deletion or being purged are never reached.
	 * @return the items deleted
	 */
	List<Item> cascadeDelete(UUID org, UUID asset, String by, java.time.Instant at) {
		return this.jdbc.sql("""
				update catalog.items i set status = 'deleted', deleted_at = :at, deleted_by = :by
				from catalog.datasets d
				where d.id = i.dataset_id and d.status = 'active'
				  and i.org_id = :org and i.asset_id = :asset and i.status = 'active'
				returning i.id, i.org_id, i.dataset_id, i.asset_id, i.asset_type, i.status, i.source_deleted,
				          i.preview_key, i.created_at, i.created_by
				""")
			.param("org", org)
			.param("asset", asset)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Items::map)
			.list();
	}

	/**
	 * Flags the active items of the org's live or restorable datasets that reference the
	 * asset as {@code source_deleted}; they keep their own previews and vectors.
	 * @return the items flagged
	 */
	List<Item> flagSourceDeleted(UUID org, UUID asset) {
		return this.jdbc.sql("""
				update catalog.items i set source_deleted = true
				from catalog.datasets d
				where d.id = i.dataset_id and d.status in ('active', 'pending_deletion')
				  and i.org_id = :org and i.asset_id = :asset and i.status = 'active'
				returning i.id, i.org_id, i.dataset_id, i.asset_id, i.asset_type, i.status, i.source_deleted,
				          i.preview_key, i.created_at, i.created_by
				""").param("org", org).param("asset", asset).query(Items::map).list();
	}

	/**
	 * Active items of the dataset, the bytes of their sources, and the most common
	 * content type among them. An item whose source was force-deleted and purged still
	 * counts; its source's bytes no longer do.
	 */
	DatasetContents contents(UUID dataset) {
		return this.jdbc
			.sql("select count(*) as items, coalesce(sum(a.size_bytes), 0) as bytes, "
					+ "mode() within group (order by a.content_type) as content_type "
					+ "from catalog.items i left join catalog.assets a on a.id = i.asset_id "
					+ "where i.dataset_id = :dataset and i.status = 'active'")
			.param("dataset", dataset)
			.query((rs, row) -> new DatasetContents(rs.getLong("items"), rs.getLong("bytes"),
					rs.getString("content_type")))
			.single();
	}

	static Item map(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getObject("dataset_id", UUID.class), rs.getObject("asset_id", UUID.class),
				rs.getString("asset_type"), rs.getString("status"), rs.getBoolean("source_deleted"),
				rs.getString("preview_key"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getString("created_by"));
	}

}
