package io.lethe.catalog.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.catalog.contract.ReconcilerStatements.OrphanVector;
import io.lethe.catalog.contract.ReconcilerStatements.RecordedUpload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the orphan reconciler reads of the catalog, and what it removes. */
class ReconcilerContractIntegrationTests {

	private static final String VECTORS = "public.contract_vectors";

	private final ReconcilerStatements statements = new ReconcilerStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void anyRowOwnsItsKeysButADatasetsTombstone() {
		UUID deletedAsset = this.rows.asset(null, "deleted");
		UUID pending = this.rows.dataset("pending_deletion");
		UUID purged = this.rows.dataset("purged");
		UUID deletedItem = this.rows.item(pending, deletedAsset, "deleted");
		UUID gone = UUID.randomUUID();
		assertThat(this.statements.existingAssets(new UUID[] { deletedAsset, gone })).containsExactly(deletedAsset);
		assertThat(this.statements.existingItems(new UUID[] { deletedItem, gone })).containsExactly(deletedItem);
		assertThat(this.statements.unpurgedDatasets(new UUID[] { pending, purged, gone })).containsExactly(pending);
	}

	@Test
	void aHoldProtectsTheAssetsItsDatasetOwnsOrALiveItemUses() {
		UUID held = this.rows.dataset("active");
		this.rows.hold(held);
		UUID free = this.rows.dataset("active");
		UUID owned = this.rows.asset(held, "ready");
		UUID used = this.rows.asset(null, "ready");
		UUID usedByADeletedItem = this.rows.asset(null, "ready");
		UUID elsewhere = this.rows.asset(free, "ready");
		this.rows.item(held, used, "active");
		this.rows.item(held, usedByADeletedItem, "deleted");
		assertThat(this.statements.heldDatasets(new UUID[] { held, free })).containsExactly(held);
		assertThat(this.statements.heldAssets(new UUID[] { owned, used, usedByADeletedItem, elsewhere }))
			.containsExactlyInAnyOrder(owned, used);
	}

	@Test
	void forgettingAnUploadRemovesAnUploadingAssetButKeepsACompletedOne() {
		UUID uploading = this.rows.asset(null, "uploading");
		UUID ready = this.rows.asset(null, "ready");
		this.rows.uploadAndLink(uploading, "up-" + uploading, 7);
		this.rows.uploadAndLink(ready, "up-" + ready, 3);
		assertThat(this.statements.recordedUploads(new String[] { "up-" + uploading, "up-none" })).singleElement()
			.satisfies((upload) -> {
				assertThat(upload.assetId()).isEqualTo(uploading);
				assertThat(upload.bytes()).isEqualTo(7);
			});
		boolean forgotten = ContractDatabase.TRANSACTIONS
			.execute((tx) -> this.statements.forgetUpload(uploading, "up-" + uploading));
		assertThat(forgotten).isTrue();
		assertThat(this.statements.forgetUpload(uploading, "up-" + uploading)).isFalse();
		assertThat(this.statements.forgetUpload(ready, "up-" + ready)).isTrue();
		assertThat(this.statements.existingAssets(new UUID[] { uploading, ready })).containsExactly(ready);
		assertThat(this.rows.count("select count(*) from catalog.entity_assets where asset_id = ?", ready)).isOne();
		assertThat(this.statements.recordedUploads(new String[] { "up-" + ready })).extracting(RecordedUpload::uploadId)
			.isEmpty();
	}

	@Test
	void aVectorWithoutItsItemIsAnOrphanUnlessItsDatasetIsHeld() {
		UUID dataset = this.rows.dataset("active");
		UUID held = this.rows.dataset("active");
		this.rows.hold(held);
		UUID live = this.rows.item(dataset, UUID.randomUUID(), "active");
		UUID orphan = UUID.randomUUID();
		UUID heldOrphan = UUID.randomUUID();
		UUID young = UUID.randomUUID();
		vector(live, dataset, Duration.ofHours(1));
		vector(orphan, dataset, Duration.ofHours(1));
		vector(heldOrphan, held, Duration.ofHours(1));
		vector(young, dataset, Duration.ZERO);
		Instant cutoff = Instant.now().minus(Duration.ofMinutes(30));
		List<OrphanVector> found = this.statements.orphanVectors(VECTORS, new OrphanVector(new UUID(0, 0), "", 0),
				cutoff, this.rows.org, 100);
		assertThat(found).extracting(OrphanVector::item).containsExactly(orphan);
		assertThat(found.get(0).bytes()).isPositive();
		assertThat(this.statements.deleteOrphanVectors(VECTORS, found)).hasSize(1);
		assertThat(this.statements.orphanVectors(VECTORS, new OrphanVector(new UUID(0, 0), "", 0), cutoff,
				this.rows.org, 100))
			.isEmpty();
	}

	@Test
	void anOrphansDeleteAsksTheCatalogAgain() {
		UUID dataset = this.rows.dataset("active");
		UUID item = UUID.randomUUID();
		vector(item, dataset, Duration.ofHours(1));
		List<OrphanVector> found = this.statements.orphanVectors(VECTORS, new OrphanVector(new UUID(0, 0), "", 0),
				Instant.now(), this.rows.org, 100);
		assertThat(found).extracting(OrphanVector::item).containsExactly(item);
		ContractDatabase.JDBC.sql("""
				insert into catalog.items (id, org_id, dataset_id, asset_id, asset_type, status, created_at, created_by)
				values (?, ?, ?, ?, 'image', 'active', now(), 'test')
				""").params(item, this.rows.org, dataset, UUID.randomUUID()).update();
		assertThat(this.statements.deleteOrphanVectors(VECTORS, found)).isEmpty();
	}

	private void vector(UUID item, UUID dataset, Duration age) {
		ContractDatabase.JDBC.sql("""
				insert into public.contract_vectors values (?, 'multimodal', ?, ?, '{1, 0}',
				       now() - ?::bigint * interval '1 millisecond')
				""").params(item, this.rows.org, dataset, age.toMillis()).update();
	}

}
