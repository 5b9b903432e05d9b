package io.lethe.catalog.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
	void theUploadsRecordedForTheJobsAssetsAreFoundPageByPageAndNoOthers() {
		UUID job = this.rows.job("dataset", this.rows.dataset("purging"), "running");
		List<UUID> assets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			UUID asset = this.rows.asset(null, "uploading");
			this.rows.uploadAndLink(asset, "upload-" + asset, 5);
			this.rows.prefix(job, i, "p" + i + "/", asset, null);
			assets.add(asset);
		}
		UUID notTheJobs = this.rows.asset(null, "uploading");
		this.rows.uploadAndLink(notTheJobs, "upload-other", 5);
		assets.sort(Comparator.comparing(UUID::toString));
		List<AssetPurgeStatements.RecordedUpload> first = this.statements.uploadsOfJobAssets(job, BEFORE_ALL, 2);
		assertThat(first).extracting(AssetPurgeStatements.RecordedUpload::assetId)
			.containsExactly(assets.get(0), assets.get(1));
		assertThat(first.get(0))
			.isEqualTo(new AssetPurgeStatements.RecordedUpload(assets.get(0), "k", "upload-" + assets.get(0)));
		assertThat(this.statements.uploadsOfJobAssets(job, assets.get(1), 2))
			.extracting(AssetPurgeStatements.RecordedUpload::assetId)
			.containsExactly(assets.get(2));
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
		assertThat(this.statements.orgAssets(this.rows.org, 100)).isEqualTo(5);
		assertThat(this.statements.orgAssets(this.rows.org, 3)).isEqualTo(3);
		assertThat(this.statements.orgAssets(UUID.randomUUID(), 100)).isZero();
	}

}
