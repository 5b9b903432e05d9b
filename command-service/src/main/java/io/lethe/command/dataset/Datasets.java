package io.lethe.command.dataset;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's datasets. Every read is scoped to an org: another org's dataset simply is
 * not found.
 */
@Repository
public class Datasets {

	private static final String COLUMNS = "id, org_id, name, description, encoder_name, allowed_asset_types, "
			+ "keyframe_sampling_method, keyframe_uniform_fps_sampling_rate, store_original, store_preview, "
			+ "metadata_fields_to_index, metadata_fields_to_embed, dataset_config::text as dataset_config, status, "
			+ "created_dt, created_by, updated_dt, updated_by, deleted_dt, deleted_by, expires_at";

	private final JdbcClient jdbc;

	Datasets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Dataset d) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				insert into catalog.datasets (id, org_id, name, description, encoder_name, allowed_asset_types,
				    keyframe_sampling_method, keyframe_uniform_fps_sampling_rate, store_original, store_preview,
				    metadata_fields_to_index, metadata_fields_to_embed, dataset_config, status,
				    created_dt, created_by, updated_dt, updated_by)
				values (:id, :org, :name, :description, :encoder, :types, :method, :fps, :original, :preview,
				    :toIndex, :toEmbed, cast(:config as jsonb), :status, :created, :createdBy, :updated, :updatedBy)
				""");
		bindContent(statement, d).param("encoder", d.encoderName())
			.param("created", timestamp(d.createdDt()))
			.param("createdBy", d.createdBy())
			.update();
	}

	/**
	 * Writes every mutable field of {@code d}, which must have been read {@link #lock
	 * locked}.
	 */
	void update(Dataset d) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				update catalog.datasets set name = :name, description = :description,
				    allowed_asset_types = :types, keyframe_sampling_method = :method,
				    keyframe_uniform_fps_sampling_rate = :fps, store_original = :original, store_preview = :preview,
				    metadata_fields_to_index = :toIndex, metadata_fields_to_embed = :toEmbed,
				    dataset_config = cast(:config as jsonb), status = :status, updated_dt = :updated,
				    updated_by = :updatedBy, deleted_dt = :deleted, deleted_by = :deletedBy, expires_at = :expires
				where id = :id and org_id = :org
				""");
		bindContent(statement, d).param("deleted", timestamp(d.deletedDt()))
			.param("deletedBy", d.deletedBy())
			.param("expires", timestamp(d.expiresAt()))
			.update();
	}

	/**
	 * Soft-deletes the dataset if it is {@code active}, and returns it as it now is;
	 * empty when it is not active (or not the org's). One guarded statement takes the
	 * row's lock and checks the status under it, where a read and then a write would need
	 * two round trips: a concurrent delete or restore waits for it, and sees what it
	 * committed. A row the statement's snapshot saw not active is skipped without waiting
	 * for a command that holds it, so empty does not say what that command committed: the
	 * caller reads it under the row's lock. The org is checked in a subquery: with id,
	 * org and status in one condition, the generic plan of the prepared statement picks
	 * the listing index (org, status, …, id) and walks every active dataset of the org,
	 * not the primary key.
	 */
	Optional<Dataset> softDeleteIfActive(UUID org, UUID id, String by, Instant at, Instant expiresAt) {
		return this.jdbc.sql("""
				update catalog.datasets set status = 'pending_deletion', deleted_dt = :at, deleted_by = :by,
				    expires_at = :expires
				where id = (select d.id from catalog.datasets d where d.id = :id and d.org_id = :org)
				    and status = 'active'
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("org", org)
			.param("at", timestamp(at))
			.param("by", by)
			.param("expires", timestamp(expiresAt))
			.query(Datasets::map)
			.optional();
	}

	/** The key and every field an insert and an update both write. */
	private static JdbcClient.StatementSpec bindContent(JdbcClient.StatementSpec statement, Dataset d) {
		return statement.param("id", d.id())
			.param("org", d.orgId())
			.param("name", d.name())
			.param("description", d.description())
			.param("types", array(d.allowedAssetTypes()))
			.param("method", d.keyframeSamplingMethod())
			.param("fps", d.keyframeUniformFpsSamplingRate())
			.param("original", d.storeOriginal())
			.param("preview", d.storePreview())
			.param("toIndex", array(d.metadataFieldsToIndex()))
			.param("toEmbed", array(d.metadataFieldsToEmbed()))
			.param("config", d.datasetConfig())
			.param("status", d.status().value())
			.param("updated", timestamp(d.updatedDt()))
			.param("updatedBy", d.updatedBy());
	}

	public Optional<Dataset> find(UUID org, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.datasets where id = :id and org_id = :org")
			.param("id", id)
			.param("org", org)
			.query(Datasets::map)
			.optional();
	}

	/**
	 * Reads the dataset and locks its row until the transaction ends, so concurrent
	 * commands apply in turn.
	 */
	public Optional<Dataset> lock(UUID org, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.datasets where id = :id and org_id = :org for update")
			.param("id", id)
			.param("org", org)
			.query(Datasets::map)
			.optional();
	}

	/**
	 * Reads the dataset and keeps it from being deleted or changed until the transaction
	 * ends.
	 */
	Optional<Dataset> lockShared(UUID org, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.datasets where id = :id and org_id = :org for share")
			.param("id", id)
			.param("org", org)
			.query(Datasets::map)
			.optional();
	}

	/** Any org's dataset, locked; for operators, whose actions span orgs. */
	Optional<Dataset> lockAnyOrg(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.datasets where id = :id for update")
			.param("id", id)
			.query(Datasets::map)
			.optional();
	}

	Optional<LegalHold> legalHold(UUID id) {
		return this.jdbc
			.sql("select legal_hold_reason, legal_hold_at, legal_hold_by from catalog.datasets "
					+ "where id = :id and legal_hold_at is not null")
			.param("id", id)
			.query((rs, row) -> new LegalHold(rs.getString("legal_hold_reason"), instant(rs, "legal_hold_at"),
					rs.getString("legal_hold_by")))
			.optional();
	}

	void setLegalHold(UUID id, LegalHold hold) {
		this.jdbc
			.sql("update catalog.datasets set legal_hold_reason = :reason, legal_hold_at = :at, legal_hold_by = :by "
					+ "where id = :id")
			.param("id", id)
			.param("reason", (hold != null) ? hold.reason() : null)
			.param("at", (hold != null) ? timestamp(hold.at()) : null)
			.param("by", (hold != null) ? hold.by() : null)
			.update();
	}

	void expireNow(UUID id, Instant now) {
		this.jdbc
			.sql("update catalog.datasets set expires_at = :now where id = :id and status = 'pending_deletion' "
					+ "and expires_at > :now")
			.param("id", id)
			.param("now", timestamp(now))
			.update();
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("select count(*) from catalog.datasets where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	List<Dataset> page(UUID org, Collection<DatasetStatus> statuses, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.datasets where org_id = :org and status = any(:statuses) "
					+ "order by created_dt desc, id desc limit :limit offset :offset")
			.param("org", org)
			.param("statuses", statusArray(statuses))
			.param("limit", limit)
			.param("offset", offset)
			.query(Datasets::map)
			.list();
	}

	long count(UUID org, Collection<DatasetStatus> statuses) {
		return this.jdbc.sql("select count(*) from catalog.datasets where org_id = :org and status = any(:statuses)")
			.param("org", org)
			.param("statuses", statusArray(statuses))
			.query(Long.class)
			.single();
	}

	private static String[] statusArray(Collection<DatasetStatus> statuses) {
		return statuses.stream().map(DatasetStatus::value).toArray(String[]::new);
	}

	private static String[] array(List<String> values) {
		return (values != null) ? values.toArray(String[]::new) : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static Dataset map(ResultSet rs, int row) throws SQLException {
		return new Dataset(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("name"),
				rs.getString("description"), rs.getString("encoder_name"), list(rs.getArray("allowed_asset_types")),
				rs.getString("keyframe_sampling_method"),
				rs.getObject("keyframe_uniform_fps_sampling_rate", Double.class), rs.getBoolean("store_original"),
				rs.getBoolean("store_preview"), list(rs.getArray("metadata_fields_to_index")),
				list(rs.getArray("metadata_fields_to_embed")), rs.getString("dataset_config"),
				DatasetStatus.of(rs.getString("status")).orElseThrow(), instant(rs, "created_dt"),
				rs.getString("created_by"), instant(rs, "updated_dt"), rs.getString("updated_by"),
				instant(rs, "deleted_dt"), rs.getString("deleted_by"), instant(rs, "expires_at"));
	}

	private static List<String> list(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
