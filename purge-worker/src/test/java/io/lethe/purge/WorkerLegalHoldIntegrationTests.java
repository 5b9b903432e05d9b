package io.lethe.purge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A legal hold protects everything its dataset holds or references, also against the
 * worker's own asset purges: whatever an asset event says.
 */
class WorkerLegalHoldIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void anAssetAHeldDatasetUsesIsNeverPurgedUntilTheRelease() {
		UUID org = this.catalog.org();
		UUID held = this.catalog.deletedDataset(org, Duration.ofHours(1));
		UUID asset = this.catalog.asset(org, null, "deleted", 2, false);
		this.catalog.itemOf(org, held, asset, 1);
		hold(held, "litigation 2026-17");
		String prefix = ObjectKeys.assetPrefix(org, asset);

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, false));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).lastError()).contains("legal hold",
					held.toString(), "litigation 2026-17"));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.SCHEDULED);
			assertThat(this.catalog.versionsUnder(prefix)).isEqualTo(2);
		});
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ?", asset)).isOne();

		hold(held, null);
		TestEvents.publish(asset, TestEvents.purgeRequested(org, PurgeJob.ASSET, asset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
	}

	@Test
	void aHoldPlacedAfterAnAssetsDeletionDoesNotBringItsBinaryBack() {
		UUID org = this.catalog.org();
		UUID held = this.catalog.dataset(org, "active", null);
		UUID asset = this.catalog.asset(org, held, "deleted", 1, false);
		UUID item = this.catalog.itemOf(org, held, asset, 1);
		// what a forced delete left: the item keeps its own preview and vectors, flagged
		this.jdbc.sql("update catalog.items set source_deleted = true where id = ?").param(item).update();
		hold(held, "audit");

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, false));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isZero();
		assertThat(this.vectors.countItems(List.of(item))).as("the held item keeps its vectors").isEqualTo(2);
		assertThat(this.catalog.count("select count(*) from catalog.items where id = ?", item)).isOne();
	}

	@Test
	void aCascadeWaitsForTheReleaseOfAHeldDatasetsDeletedItems() {
		UUID org = this.catalog.org();
		UUID live = this.catalog.dataset(org, "active", null);
		UUID held = this.catalog.dataset(org, "active", null);
		UUID asset = this.catalog.asset(org, null, "deleted", 1, false);
		UUID taken = this.catalog.itemOf(org, live, asset, 1);
		UUID kept = this.catalog.itemOf(org, held, asset, 2);
		this.catalog.deleteItems(List.of(taken, kept));
		hold(held, "audit");

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, true));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(jobOf(PurgeJob.ASSET, asset).lastError()).contains("legal hold", held.toString()));
		assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.SCHEDULED);
		assertThat(this.catalog.versionsUnder(ObjectKeys.itemPrefix(org, held, kept))).isEqualTo(2);
		assertThat(this.vectors.countItems(List.of(kept))).isEqualTo(2);

		hold(held, null);
		TestEvents.publish(asset, TestEvents.purgeRequested(org, PurgeJob.ASSET, asset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.vectors.countItems(List.of(taken, kept))).isZero();
		assertThat(this.catalog.versionsUnder(ObjectKeys.itemPrefix(org, held, kept))).isZero();
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isZero();
	}

	private void hold(UUID dataset, String reason) {
		this.jdbc
			.sql("update catalog.datasets set legal_hold_reason = ?, legal_hold_at = case when ? then now() end, "
					+ "legal_hold_by = case when ? then 'operator-key' end where id = ?")
			.params(reason, reason != null, reason != null, dataset)
			.update();
	}

}
