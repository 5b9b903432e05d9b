package io.lethe.catalog.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Catalog and purge rows for the contract's tests, each of a fresh org so that tests
 * never see each other's rows, written as the command service and the worker write them.
 */
final class CatalogRows {

	final UUID org = UUID.randomUUID();

	private final JdbcClient jdbc = ContractDatabase.JDBC;

	CatalogRows() {
		this.jdbc.sql("insert into catalog.orgs (id, name) values (?, ?)").params(this.org, "org_" + this.org).update();
	}

	/** A dataset in the status, expired {@code expiredAgo} ago (null: never deleted). */
	UUID dataset(String status, Duration expiredAgo) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into catalog.datasets (id, org_id, name, encoder_name, allowed_asset_types,
				       keyframe_sampling_method, store_original, store_preview, status, created_dt, created_by,
				       deleted_dt, deleted_by, expires_at)
				values (?, ?, ?, 'multimodal', '{image}', 'intelligent', true, false, ?, now(), 'test',
				        case when ?::bigint is null then null else now() end, 'test',
				        now() - ?::bigint * interval '1 millisecond')
				""")
			.params(id, this.org, "d_" + id.toString().replace('-', '_'), status,
					(expiredAgo != null) ? expiredAgo.toMillis() : null,
					(expiredAgo != null) ? expiredAgo.toMillis() : null)
			.update();
		return id;
	}

	UUID dataset(String status) {
		return dataset(status, null);
	}

	void hold(UUID dataset) {
		this.jdbc.sql("update catalog.datasets set legal_hold_at = now(), legal_hold_reason = 'court' where id = ?")
			.param(dataset)
			.update();
	}

	/** An asset in the status, owned by the dataset (or none), deleted {@code ago}. */
	UUID asset(UUID owner, String status, Duration ago) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, object_key,
				       owner_dataset_id, status, created_at, created_by, updated_at, updated_by, deleted_at)
				values (?, ?, 'a.jpg', 'image/jpeg', 'image', 'k', ?, ?, now(), 'test', now(), 'test',
				        now() - ?::bigint * interval '1 millisecond')
				""").params(id, this.org, owner, status, (ago != null) ? ago.toMillis() : null).update();
		return id;
	}

	UUID asset(UUID owner, String status) {
		return asset(owner, status, "deleted".equals(status) ? Duration.ZERO : null);
	}

	/** An item of the dataset placing the asset, in the status, deleted {@code ago}. */
	UUID item(UUID dataset, UUID asset, String status, Duration ago) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, created_at,
				       created_by, deleted_at)
				values (?, ?, ?, ?, 'image', ?, now(), 'test', now() - ?::bigint * interval '1 millisecond')
				""").params(id, this.org, dataset, asset, status, (ago != null) ? ago.toMillis() : null).update();
		return id;
	}

	UUID item(UUID dataset, UUID asset, String status) {
		return item(dataset, asset, status, "deleted".equals(status) ? Duration.ZERO : null);
	}

	UUID shareLink(UUID dataset) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into catalog.share_links (id, org_id, dataset_id, token_sha256, created_at, created_by)
				values (?, ?, ?, ?, now(), 'test')
				""").params(id, this.org, dataset, id.toString()).update();
		return id;
	}

	/**
	 * An upload recorded for the asset, with one part of {@code bytes}, and an entity
	 * link.
	 */
	void uploadAndLink(UUID asset, String uploadId, long bytes) {
		this.jdbc.sql("insert into catalog.asset_uploads values (?, ?, 'k', ?, now())")
			.params(asset, this.org, uploadId)
			.update();
		this.jdbc.sql("insert into catalog.asset_upload_parts values (?, 1, 'e', ?, 's')")
			.params(asset, bytes)
			.update();
		UUID entity = UUID.randomUUID();
		this.jdbc.sql(
				"insert into catalog.entities (id, org_id, name, created_at, created_by) values (?, ?, 'e', now(), 't')")
			.params(entity, this.org)
			.update();
		this.jdbc.sql("insert into catalog.entity_assets values (?, ?, ?, now())")
			.params(entity, asset, this.org)
			.update();
	}

	void intent(String key, Duration age) {
		this.jdbc.sql("insert into catalog.object_intents values (?, ?, now() - ?::bigint * interval '1 millisecond')")
			.params(key, this.org, age.toMillis())
			.update();
	}

	/** A purge job of the root, in the state. */
	UUID job(String rootType, UUID root, String state) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into purge.jobs (id, root_type, root_id, org_id, state, run_at, requested_at, requested_by,
				       created_at, updated_at)
				values (?, ?, ?, ?, ?, now(), now(), 'test', now(), now())
				""").params(id, rootType, root, this.org, state).update();
		return id;
	}

	void prefix(UUID job, int ordinal, String prefix, UUID asset, UUID item) {
		this.jdbc.sql("insert into purge.job_prefixes values (?, ?, ?, ?, ?)")
			.params(job, ordinal, prefix, asset, item)
			.update();
	}

	void target(UUID job, String kind, UUID target) {
		this.jdbc.sql("insert into purge.job_targets values (?, ?, ?)").params(job, kind, target).update();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/**
	 * Asserts, from another connection, that the row is locked: a {@code for update
	 * nowait} of it fails.
	 */
	static void assertLocked(String table, UUID id) {
		assertThatThrownBy(() -> {
			try (Connection other = ContractDatabase.POSTGRES.connect();
					PreparedStatement select = other
						.prepareStatement("select 1 from " + table + " where id = ? for update nowait")) {
				select.setObject(1, id);
				select.executeQuery().close();
			}
		}).isInstanceOf(SQLException.class).hasMessageContaining("lock");
	}

}
