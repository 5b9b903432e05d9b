package io.lethe.catalog.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows purges delete: keyset pages, chunk deletes and what is left. */
class PurgeRowsContractIntegrationTests {

	private static final UUID BEFORE_ALL = new UUID(0, 0);

	private final PurgeRowStatements statements = new PurgeRowStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void aChunkDeleteRemovesExactlyTheChunkAndThePageAfterItGoesOn() {
		UUID dataset = this.rows.dataset("purging");
		List<UUID> items = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			items.add(this.rows.item(dataset, this.rows.asset(dataset, "ready"), "active"));
		}
		List<UUID> first = this.statements.datasetItemIds(dataset, BEFORE_ALL, 2);
		assertThat(first).hasSize(2);
		assertThat(this.statements.deleteItems(first.toArray(UUID[]::new))).isEqualTo(2);
		assertThat(this.statements.datasetItemsLeft(dataset)).isEqualTo(3);
		List<UUID> rest = this.statements.datasetItemIds(dataset, first.get(1), 10);
		assertThat(rest).hasSize(3).doesNotContainAnyElementsOf(first);
		assertThat(this.statements.deleteItems(rest.toArray(UUID[]::new))).isEqualTo(3);
		assertThat(this.statements.datasetItemsLeft(dataset)).isZero();
	}

	@Test
	void aDatasetsShareLinksGoByChunk() {
		UUID dataset = this.rows.dataset("purging");
		UUID other = this.rows.dataset("active");
		this.rows.shareLink(dataset);
		this.rows.shareLink(dataset);
		UUID kept = this.rows.shareLink(other);
		List<UUID> links = this.statements.shareLinkIds(dataset, BEFORE_ALL, 10);
		assertThat(links).hasSize(2).doesNotContain(kept);
		assertThat(this.statements.deleteShareLinks(links.toArray(UUID[]::new))).isEqualTo(2);
		assertThat(this.statements.shareLinksLeft(dataset)).isZero();
		assertThat(this.statements.shareLinksLeft(other)).isOne();
	}

	@Test
	void deletingAJobsAssetsTakesTheirLinksUploadsAndPartsAlong() {
		UUID asset = this.rows.asset(null, "deleted");
		UUID untouched = this.rows.asset(null, "ready");
		this.rows.uploadAndLink(asset, "u-" + asset, 10);
		UUID job = this.rows.job("asset", asset, "running");
		this.rows.prefix(job, 0, "orgs/o/assets/" + asset + "/", asset, null);
		assertThat(this.statements.jobAssetsLeft(job)).isEqualTo(4);
		assertThat(this.statements.deleteAssets(new UUID[] { asset })).isEqualTo(4);
		assertThat(this.statements.jobAssetsLeft(job)).isZero();
		assertThat(this.rows.count("select count(*) from catalog.assets where id = ?", untouched)).isOne();
	}

	@Test
	void anAssetTheDatasetCameToOwnAfterItsFenceIsLeft() {
		UUID dataset = this.rows.dataset("purging");
		UUID listed = this.rows.asset(dataset, "ready");
		UUID job = this.rows.job("dataset", dataset, "running");
		this.rows.prefix(job, 0, "orgs/o/assets/" + listed + "/", listed, null);
		assertThat(this.statements.ownedAssetsOutsideJob(job, dataset)).isZero();
		this.rows.asset(dataset, "ready");
		assertThat(this.statements.ownedAssetsOutsideJob(job, dataset)).isOne();
	}

	@Test
	void aJobsItemsLeftAreThoseItListed() {
		UUID dataset = this.rows.dataset("active");
		UUID item = this.rows.item(dataset, UUID.randomUUID(), "deleted");
		this.rows.item(dataset, UUID.randomUUID(), "deleted");
		UUID job = this.rows.job("samples", UUID.randomUUID(), "running");
		this.rows.prefix(job, 0, "orgs/o/datasets/d/items/" + item + "/", null, item);
		assertThat(this.statements.jobItemsLeft(job)).isOne();
		this.statements.deleteItems(new UUID[] { item });
		assertThat(this.statements.jobItemsLeft(job)).isZero();
	}

}
