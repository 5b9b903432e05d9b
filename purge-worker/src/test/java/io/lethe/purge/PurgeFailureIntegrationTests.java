package io.lethe.purge;

import java.time.Duration;
import java.util.UUID;

import io.lethe.events.PurgeFailed;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PurgeFailureIntegrationTests extends PurgeWorkerIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aPermanentObjectStoreFailureFailsTheJobWithoutAReceiptUntilAnOperatorRetriesIt() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 20);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		this.faults.failDeletes(prefix, -1, false);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.FAILED));
		PurgeJob failed = jobOf(dataset);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.step()).isEqualTo("objects");
		assertThat(failed.lastError()).contains("Injected permanent failure", prefix);
		assertThat(this.receipts.findByJob(failed.id())).isEmpty();
		assertThat(this.catalog.status(dataset)).isEqualTo("purging");
		PurgeFailed event = (PurgeFailed) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS, (e) -> TestEvents.failedFor(e, dataset), 1)
			.get(0);
		assertThat(event.getAttempts()).isEqualTo(3);
		assertThat(event.getError()).contains("Injected permanent failure");
		assertThat(event.getJobId()).isEqualTo(failed.id().toString());

		// the store is fixed and an operator retries: the job resumes and completes
		this.faults.clear();
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(jobOf(dataset).objectsDeleted()).isEqualTo(20);
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.receipts.findByJob(failed.id())).isPresent();
		KafkaProbe.awaitEvents(Topics.PURGE_EVENTS, (e) -> TestEvents.completedFor(e, dataset), 1);
	}

	@Test
	void transientStoreErrorsAreRetriedInsideTheStep() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 20);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		this.faults.failDeletes(prefix, 2, true);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(jobOf(dataset).attempts()).isZero();
		assertThat(jobOf(dataset).objectsDeleted()).isEqualTo(20);
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
	}

	@Test
	void deletesTheObjectStoreAcknowledgedButDidNotDoAreFoundByVerifyCountedAndDoneAgain() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 5);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		double before = residue("objects");
		this.faults.ignoreDeletes(prefix, 1);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		// the five previews the store said it deleted were still there at verify: the
		// attempt failed, went back to the fence, and the next one deleted them for real
		assertThat(residue("objects") - before).isEqualTo(5.0);
		assertThat(jobOf(dataset).attempts()).isEqualTo(1);
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isPresent();
	}

	private double residue(String store) {
		return this.meters.get("lethe.purge.verify.residue").tag("store", store).counter().count();
	}

}
