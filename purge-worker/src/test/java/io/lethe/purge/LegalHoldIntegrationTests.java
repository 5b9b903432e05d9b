package io.lethe.purge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.events.SamplesDeletionRequested;
import io.lethe.purge.job.PurgeJob;

import io.lethe.purge.job.JobState;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LegalHoldIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void aDueDatasetUnderLegalHoldIsNeverPurgedUntilTheHoldIsReleased() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		this.catalog.items(org, dataset, 12);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		hold(dataset, "litigation 2026-17");

		// the deletion event and even an operator's purge-now arrive while the hold
		// stands
		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now()));
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).lastError()).contains("legal hold", "litigation 2026-17"));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(jobOf(dataset).state()).isEqualTo(JobState.SCHEDULED);
			assertThat(this.catalog.status(dataset)).isEqualTo("pending_deletion");
			assertThat(this.catalog.versionsUnder(prefix)).isEqualTo(12);
		});
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset))
			.isEqualTo(12);
		assertThat(jobOf(dataset).vectorsDeleted()).isZero();

		// the hold is released; the command service then asks for the due purge
		hold(dataset, null);
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isPresent();
	}

	@Test
	void samplesDeletedFromAHeldDatasetWaitForTheRelease() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		List<UUID> items = this.catalog.items(org, dataset, 6);
		List<UUID> deleted = items.subList(0, 3);
		this.catalog.deleteItems(deleted);
		hold(dataset, "regulator inquiry");
		long vectorsOfDeleted = this.vectors.countItems(deleted);
		long vectorsOfKept = this.vectors.countItems(items.subList(3, 6));
		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, deleted, List.of());
		UUID batchId = UUID.fromString(batch.getEventId());

		TestEvents.publish(dataset, batch);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jobs.findByRoot(PurgeJob.SAMPLES, batchId).orElseThrow().lastError())
				.contains("legal hold", "regulator inquiry"));
		assertThat(this.vectors.countItems(deleted)).isEqualTo(vectorsOfDeleted).isPositive();
		assertThat(this.catalog.versionsUnder(ObjectKeys.itemPrefix(org, dataset, deleted.get(0)))).isEqualTo(1);

		hold(dataset, null);
		TestEvents.publish(batchId, TestEvents.purgeRequested(org, PurgeJob.SAMPLES, batchId));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jobs.findByRoot(PurgeJob.SAMPLES, batchId).orElseThrow().state())
				.isEqualTo(JobState.COMPLETED));
		assertThat(this.vectors.countItems(deleted)).isZero();
		assertThat(this.vectors.countItems(items.subList(3, 6))).isEqualTo(vectorsOfKept).isPositive();
	}

	private void hold(UUID dataset, String reason) {
		this.jdbc
			.sql("update catalog.datasets set legal_hold_reason = ?, legal_hold_at = case when ? then now() end, "
					+ "legal_hold_by = case when ? then 'operator-key' end where id = ?")
			.params(reason, reason != null, reason != null, dataset)
			.update();
	}

}
