package io.lethe.purge.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dataset rows purges read and change: the row a dataset purge fences and tombstones,
 * which a samples purge also checks its batch against.
 */
@Repository
class DatasetCatalog {

	/** What {@code updated_by} says when the purge changes a catalog row. */
	static final String PURGE_WORKER = "lethe-purge-worker";

	private final JdbcClient jdbc;

	DatasetCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The dataset row, locked until the caller's transaction ends. */
	Optional<DatasetRow> lock(UUID dataset) {
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
	void markPurging(UUID dataset) {
		this.jdbc.sql("update catalog.datasets set status = 'purging' where id = ? and status = 'pending_deletion'")
			.param(dataset)
			.update();
	}

	/**
	 * Assets the dataset owns that a live item of another dataset still uses stay: they
	 * lose their owner instead, so that this purge does not take them along.
	 * @return how many were kept
	 */
	int releaseSharedAssets(UUID dataset) {
		return this.jdbc.sql("""
				update catalog.assets a set owner_dataset_id = null, updated_at = now(), updated_by = :by
				where a.owner_dataset_id = :dataset
				  and exists (select 1 from catalog.items i
				              where i.asset_id = a.id and i.dataset_id <> :dataset and i.status = 'active')
				""").param("dataset", dataset).param("by", PURGE_WORKER).update();
	}

	/** The tombstone: the id, org and times stay, the name and content go. */
	void tombstone(UUID dataset) {
		this.jdbc.sql("""
				update catalog.datasets set status = 'purged', name = 'purged', description = null,
				       dataset_config = null, metadata_fields_to_index = null, metadata_fields_to_embed = null
				where id = ?
				""").param(dataset).update();
	}

	/**
	 * The dataset row as the fence reads it; {@code due} when its grace period is over;
	 * {@code legalHold} the reason of a hold an operator placed, or null.
	 */
	record DatasetRow(UUID orgId, String status, Instant expiresAt, boolean due, String legalHold) {

		boolean held() {
			return this.legalHold != null;
		}

	}

}
