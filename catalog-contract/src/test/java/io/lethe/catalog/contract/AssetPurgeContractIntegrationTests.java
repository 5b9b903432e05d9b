package io.lethe.catalog.contract;

import java.util.UUID;

import io.lethe.catalog.contract.AssetPurgeStatements.AssetRow;
import io.lethe.catalog.contract.AssetPurgeStatements.Hold;
import io.lethe.catalog.contract.AssetPurgeStatements.ReferencingItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The asset purge's fence and what it reads of the catalog. */
class AssetPurgeContractIntegrationTests {

	private static final UUID BEFORE_ALL = new UUID(0, 0);

	private final AssetPurgeStatements statements = new AssetPurgeStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void lockingAnAssetHoldsItsRowUntilTheFenceCommits() {
		UUID asset = this.rows.asset(null, "deleted");
		AssetRow row = ContractDatabase.TRANSACTIONS.execute((tx) -> {
			AssetRow locked = this.statements.lock(asset).orElseThrow();
			CatalogRows.assertLocked("catalog.assets", asset);
			return locked;
		});
		assertThat(row).isEqualTo(new AssetRow(this.rows.org, "deleted"));
		assertThat(this.statements.lock(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aHeldDatasetWhoseLiveItemUsesTheAssetHoldsItAndIsLockedForShare() {
		UUID held = this.rows.dataset("active");
		this.rows.hold(held);
		UUID asset = this.rows.asset(null, "deleted");
		this.rows.item(held, asset, "active");
		Hold hold = ContractDatabase.TRANSACTIONS.execute((tx) -> {
			Hold found = this.statements.holdOn(asset, false).orElseThrow();
			CatalogRows.assertLocked("catalog.datasets", held);
			return found;
		});
		assertThat(hold).isEqualTo(new Hold(held, "court"));
	}

	@Test
	void aHeldDatasetsItemFlaggedSourceDeletedNoLongerHoldsTheAsset() {
		UUID held = this.rows.dataset("active");
		this.rows.hold(held);
		UUID asset = this.rows.asset(null, "deleted");
		UUID item = this.rows.item(held, asset, "active");
		ContractDatabase.JDBC.sql("update catalog.items set source_deleted = true where id = ?").param(item).update();
		assertThat(this.statements.holdOn(asset, false)).isEmpty();
	}

	@Test
	void aHeldDatasetsDeletedItemHoldsTheAssetOnlyForACascade() {
		UUID held = this.rows.dataset("active");
		this.rows.hold(held);
		UUID asset = this.rows.asset(null, "deleted");
		this.rows.item(held, asset, "deleted");
		assertThat(this.statements.holdOn(asset, false)).isEmpty();
		assertThat(this.statements.holdOn(asset, true)).contains(new Hold(held, "court"));
	}

	@Test
	void aCascadeTakesAlongTheOrgsDeletedItemsNotListedYet() {
		UUID dataset = this.rows.dataset("active");
		UUID asset = this.rows.asset(null, "deleted");
		UUID listed = this.rows.item(dataset, asset, "deleted");
		UUID unlisted = this.rows.item(dataset, asset, "deleted");
		this.rows.item(dataset, asset, "active");
		CatalogRows otherOrg = new CatalogRows();
		otherOrg.item(otherOrg.dataset("active"), asset, "deleted");
		UUID job = this.rows.job("asset", asset, "running");
		this.rows.prefix(job, 0, "p/", null, listed);
		assertThat(this.statements.deletedItemsReferencing(job, asset, this.rows.org, BEFORE_ALL, 10))
			.containsExactly(new ReferencingItem(unlisted, dataset));
	}

	@Test
	void theUploadsRecordedForTheJobsAssetsAreFound() {
		UUID asset = this.rows.asset(null, "uploading");
		this.rows.uploadAndLink(asset, "upload-1", 5);
		assertThat(this.statements.uploadsOf(new UUID[] { asset }))
			.containsExactly(new AssetPurgeStatements.RecordedUpload("k", "upload-1"));
	}

	@Test
	void theOrgsOtherAssetsAreCountedNoFurtherThanTheCap() {
		UUID mine = this.rows.asset(null, "deleted");
		for (int i = 0; i < 4; i++) {
			this.rows.asset(null, "ready");
		}
		UUID job = this.rows.job("asset", mine, "running");
		this.rows.prefix(job, 0, "p/", mine, null);
		assertThat(this.statements.otherAssetsOfOrg(job, this.rows.org, 100)).isEqualTo(4);
		assertThat(this.statements.otherAssetsOfOrg(job, this.rows.org, 2)).isEqualTo(2);
	}

}
