package io.lethe.catalog.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.lethe.catalog.contract.PurgeRowStatements.DeletedChunk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows purges delete: keyset pages, chunk deletes and what is left. */
class PurgeRowsContractIntegrationTests {

	private static final UUID BEFORE_ALL = new UUID(0, 0);

	private static final UUID AFTER_ALL = new UUID(-1, -1);

	private final PurgeRowStatements statements = new PurgeRowStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void aChunkDeleteRemovesExactlyTheChunkAndThePageAfterItGoesOn() {
		UUID dataset = this.rows.dataset("purging");
		List<UUID> items = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			items.add(this.rows.item(dataset, this.rows.asset(dataset, "ready"), "active"));
		}
		UUID other = this.rows.item(this.rows.dataset("active"), UUID.randomUUID(), "active");
		items.sort(Comparator.comparing(UUID::toString));
		DeletedChunk first = this.statements.deleteDatasetItems(dataset, BEFORE_ALL, AFTER_ALL, 2);
		assertThat(first).isEqualTo(new DeletedChunk(2, 2, items.get(1)));
		assertThat(this.statements.datasetItemsLeft(dataset)).isEqualTo(3);
		assertThat(this.rows.count("select count(*) from catalog.items where id = any(?)",
				(Object) items.subList(2, 5).toArray(UUID[]::new)))
			.isEqualTo(3);
		assertThat(this.statements.deleteDatasetItems(dataset, first.last(), AFTER_ALL, 10))
			.isEqualTo(new DeletedChunk(3, 3, items.get(4)));
		assertThat(this.statements.datasetItemsLeft(dataset)).isZero();
		assertThat(this.statements.deleteDatasetItems(dataset, items.get(4), AFTER_ALL, 10))
			.isEqualTo(new DeletedChunk(0, 0, null));
		assertThat(this.rows.count("select count(*) from catalog.items where id = ?", other)).isOne();
	}

	@Test
	void aChunkStopsAtItsUpperKeySoThatTwoRangesOfOneDatasetGoSideBySide() {
		UUID dataset = this.rows.dataset("purging");
		List<UUID> items = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			items.add(this.rows.item(dataset, this.rows.asset(dataset, "ready"), "active"));
		}
		items.sort(Comparator.comparing(UUID::toString));
		UUID upTo = items.get(2);
		assertThat(this.statements.deleteDatasetItems(dataset, BEFORE_ALL, upTo, 10))
			.isEqualTo(new DeletedChunk(3, 3, upTo));
		assertThat(this.rows.count("select count(*) from catalog.items where id = any(?)",
				(Object) items.subList(3, 6).toArray(UUID[]::new)))
			.isEqualTo(3);
		assertThat(this.statements.deleteDatasetItems(dataset, upTo, AFTER_ALL, 10))
			.isEqualTo(new DeletedChunk(3, 3, items.get(5)));
		assertThat(this.statements.datasetItemsLeft(dataset)).isZero();
	}

	@Test
	void aDatasetsShareLinksGoByChunk() {
		UUID dataset = this.rows.dataset("purging");
		UUID other = this.rows.dataset("active");
		this.rows.shareLink(dataset);
		this.rows.shareLink(dataset);
		this.rows.shareLink(other);
		assertThat(this.statements.deleteDatasetShareLinks(dataset, BEFORE_ALL, AFTER_ALL, 10).deleted()).isEqualTo(2);
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
		assertThat(this.statements.deleteJobAssets(job, BEFORE_ALL, AFTER_ALL, 10))
			.isEqualTo(new DeletedChunk(4, 1, asset));
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
		assertThat(this.statements.deleteJobItems(job, BEFORE_ALL, AFTER_ALL, 10))
			.isEqualTo(new DeletedChunk(1, 1, item));
		assertThat(this.statements.jobItemsLeft(job)).isZero();
	}

}
