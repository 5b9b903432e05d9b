package io.lethe.bench.floor;

import java.util.Optional;
import java.util.UUID;

import io.lethe.bench.floor.FloorController.FloorDataset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minimal transactions: an {@code INSERT} of a dataset; a guarded {@code UPDATE} of
 * it and an {@code INSERT} of its outbox row (the table's trigger sends the NOTIFY, as on
 * {@code catalog.outbox}), committed together.
 */
@Repository
class FloorDatasets {

	/** An Avro single-object header and an empty body: the size does not matter here. */
	private static final byte[] PAYLOAD = { (byte) 0xc3, 0x01, 0, 0, 0, 0, 0, 0, 0, 0 };

	private final JdbcClient jdbc;

	private final UUID org;

	FloorDatasets(JdbcClient jdbc, @Value("${floor.org-id}") UUID org) {
		this.jdbc = jdbc;
		this.org = org;
	}

	FloorDataset create(String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into pgbench.datasets (id, org_id, name, encoder_name, allowed_asset_types,
				    keyframe_sampling_method, store_original, store_preview, status, created_dt, created_by)
				values (?, ?, ?, 'multimodal', '{image,video}', 'intelligent', true, true, 'active', now(), 'floor')
				""").params(id, this.org, name).update();
		return new FloorDataset(id, name, "active");
	}

	@Transactional
	public Optional<FloorDataset> delete(UUID id) {
		Optional<FloorDataset> deleted = this.jdbc.sql("""
				update pgbench.datasets set status = 'pending_deletion', deleted_dt = now(), deleted_by = 'floor',
				    expires_at = now() + interval '1 day', updated_dt = now(), updated_by = 'floor'
				where id = ? and status = 'active'
				returning id, name, status
				""")
			.param(id)
			.query((rs, n) -> new FloorDataset(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
		deleted.ifPresent((dataset) -> this.jdbc.sql("""
				insert into pgbench.outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload)
				values (?, 'dataset', ?, 'DatasetDeletionRequested', 'lethe.deletions', ?)
				""").params(UUID.randomUUID(), id, PAYLOAD).update());
		return deleted;
	}

}
