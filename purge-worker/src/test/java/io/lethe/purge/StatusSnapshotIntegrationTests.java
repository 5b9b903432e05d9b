package io.lethe.purge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.Receipt;
import io.lethe.stores.object.ObjectKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the command service's copy of a job is fed with: snapshots on
 * {@code lethe.purge-events}, keyed by the root, their versions increasing.
 */
class StatusSnapshotIntegrationTests extends PurgeWorkerIntegrationTest {

	@Autowired
	private MeterRegistry registry;

	@Test
	void aPurgesProgressAndItsCompletionWithTheReceiptReachThePurgeEventsAsSnapshots() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 20);
		// the objects step fails for good, so the job stops with its vectors deleted and
		// its objects not: a state between start and end that stays until it is seen
		this.faults.failDeletes(ObjectKeys.datasetPrefix(org, dataset), -1, false);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		PurgeJobUpdated halfway = (PurgeJobUpdated) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS,
					(event) -> snapshotOf(event, dataset) && "failed".equals(((PurgeJobUpdated) event).getState()), 1)
			.get(0);
		assertThat(halfway.getVectorsDeleted()).isEqualTo(30);
		assertThat(halfway.getObjectsDeleted()).isZero();
		assertThat(halfway.getStep()).isEqualTo("objects");
		assertThat(halfway.getAttempts()).isEqualTo(3);
		assertThat(halfway.getLastError()).contains("Injected permanent failure");
		assertThat(halfway.getReceipt()).isNull();

		this.faults.clear();
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));

		PurgeJobUpdated done = (PurgeJobUpdated) KafkaProbe.awaitEvents(Topics.PURGE_EVENTS,
				(event) -> snapshotOf(event, dataset) && "completed".equals(((PurgeJobUpdated) event).getState()), 1)
			.get(0);
		Receipt receipt = this.receipts.findByJob(jobOf(dataset).id()).orElseThrow();
		assertThat(done.getReceipt()).isEqualTo(receipt.body());
		assertThat(done.getReceiptSignature()).isEqualTo(receipt.signature());
		assertThat(done.getReceiptKeyId()).isEqualTo("test-es256-1");
		assertThat(done.getReceiptJws()).isEqualTo(receipt.jws());
		// the public key goes out for the command service's JWKS, never its private part
		assertThat(done.getReceiptPublicKey()).contains("\"kid\":\"test-es256-1\"", "\"x\":").doesNotContain("\"d\"");
		assertThat(done.getObjectsDeleted()).isEqualTo(20);
		assertThat(done.getCompletedAt()).isNotNull();
		assertThat(done.getJobId()).isEqualTo(halfway.getJobId());
		assertThat(done.getVersion()).isGreaterThan(halfway.getVersion());

		// in the order the partition holds them, the versions only increase
		List<Long> versions = KafkaProbe.awaitEvents(Topics.PURGE_EVENTS, (event) -> snapshotOf(event, dataset), 2)
			.stream()
			.map((event) -> ((PurgeJobUpdated) event).getVersion())
			.toList();
		assertThat(versions).isSorted().doesNotHaveDuplicates();
		// and once acknowledged, nothing of the job is owed any more
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.catalog.count(
					"select count(*) from purge.jobs where root_id = ? and status_version > status_published", dataset))
				.isZero());
	}

	@Test
	void aJobsChangesWakeTheStatusPublisherRatherThanWaitForItsNextRound() {
		double wakes = this.registry.counter("lethe.purge.status.wakes").count();
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 5);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jobs.findByRoot(PurgeJob.DATASET, dataset)
				.map((job) -> job.state() == JobState.COMPLETED)
				.orElse(false));
		// its claim, each step's change and its end each woke the publisher once
		// committed (how soon after is the bench's to measure, not a test's)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.catalog.count(
					"select count(*) from purge.jobs where root_id = ? and status_version > status_published", dataset))
				.isZero());
		assertThat(this.registry.counter("lethe.purge.status.wakes").count()).isGreaterThan(wakes);
	}

	@Test
	void aReconcileRunsEndAndReportReachThePurgeEventsAsASnapshot() {
		UUID org = this.catalog.org();
		UUID run = UUID.randomUUID();
		TestEvents.publish(run, TestEvents.reconcileRequested(run, org, true, "PT0S"));

		ReconcileRunUpdated done = (ReconcileRunUpdated) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS,
					(event) -> event instanceof ReconcileRunUpdated snapshot
							&& snapshot.getRunId().equals(run.toString()) && "completed".equals(snapshot.getState()),
					1)
			.get(0);
		String report = this.jdbc.sql("select report::text from purge.reconcile_runs where id = ?")
			.param(run)
			.query(String.class)
			.single();
		assertThat(done.getReport()).isEqualTo(report);
		assertThat(done.getDryRun()).isTrue();
		assertThat(done.getScopeOrgId()).isEqualTo(org.toString());
		assertThat(done.getRequestedVia()).isEqualTo("operator");
		assertThat(done.getCompletedAt()).isNotNull();
	}

	private static boolean snapshotOf(SpecificRecord event, UUID root) {
		return event instanceof PurgeJobUpdated snapshot && snapshot.getRootId().equals(root.toString());
	}

}
