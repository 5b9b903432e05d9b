package io.lethe.purge;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purge is receipted only when no write can still land under its prefixes: while an
 * object write's intent under them is younger than the in-flight window, the job waits.
 */
class InFlightWriteIntegrationTests extends PurgeWorkerIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aReceiptWaitsForAWriteInFlightAndItsLateObjectIsPurged() {
		double verifiesBefore = verifyRuns();
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		this.catalog.items(org, dataset, 5);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		String late = ObjectKeys.itemPreview(org, dataset, UUID.randomUUID());
		// an upload into the dataset began just before its deletion: its intent is
		// committed, its object not written yet
		this.catalog.intent(org, late, Duration.ZERO);

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).lastError()).contains("in flight"));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(jobOf(dataset).state()).isIn(JobState.SCHEDULED, JobState.RUNNING);
			assertThat(this.receipts.findByJob(jobOf(dataset).id())).isEmpty();
		});
		assertThat(this.catalog.versionsUnder(prefix)).isZero();

		// the object lands after the objects step emptied the prefix; its row never
		// commits (the dataset is fenced) and the intent outlives the window
		this.catalog.put(late, "written late");
		this.jdbc.sql("update catalog.object_intents set created_at = now() - interval '1 hour' where object_key = ?")
			.param(late)
			.update();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isPresent();
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where object_key = ?", late))
			.isZero();
		assertThat(verifyRuns() - verifiesBefore).as("the waiting, the dirty and the clean verify")
			.isGreaterThanOrEqualTo(3);
	}

	private double verifyRuns() {
		return this.meters.get("lethe.purge.step.duration")
			.tags("step", "verify", "root_type", PurgeJob.DATASET)
			.timer()
			.count();
	}

}
