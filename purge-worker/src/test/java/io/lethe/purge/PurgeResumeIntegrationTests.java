package io.lethe.purge;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectVersion;
import io.lethe.stores.vector.VectorEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PurgeResumeIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void purgeResumesAfterAWorkerCrashAndEndsWithOneReceipt() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 240);
		UUID asset = this.catalog.ownedAsset(org, dataset, 3, true);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		// The worker dies in the middle of the objects step: the listing handed out 120
		// versions, two batches of 50 were deleted (the asset's, listed at the same time,
		// may be among them), 20 or more were waiting for their batch.
		this.faults.crashListing(prefix, 120);

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60)));

		// the vectors are deleted beside the objects, and the step ends only when both
		// did
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			PurgeJob job = jobOf(dataset);
			assertThat(job.state()).isEqualTo(JobState.RUNNING);
			assertThat(job.step()).isEqualTo("objects");
			assertThat(job.objectsDeleted()).isEqualTo(100);
			assertThat(job.vectorsDeleted()).isEqualTo(250);
		});
		PurgeJob crashed = jobOf(dataset);
		// the mode is recorded, no prefix known empty yet
		assertThat(crashed.checkpoint()).endsWith(":-1");
		assertThat(crashed.vectorsDeleted()).isEqualTo(250);
		assertThat(crashed.rowsDeleted()).isZero();
		assertThat(this.catalog.versionsUnder(prefix) + this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, asset)))
			.isEqualTo(240 + 4 - 100);

		// Its lease lapsed: a runner takes the job over and finishes it from the objects
		// step.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = jobOf(dataset);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.startedAt()).isEqualTo(crashed.startedAt());
		assertThat(job.vectorsDeleted()).isEqualTo(250);
		assertThat(job.objectsDeleted()).isEqualTo(240 + 4);
		assertThat(job.rowsDeleted()).isEqualTo(job.rowsTotal()).isEqualTo(240 + 1);
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isZero();
		assertThat(this.vectors.countDataset(dataset)).isZero();
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
		assertThat(this.receipts.findByJob(job.id()).orElseThrow().body()).contains("\"objects\":244");
	}

	@Test
	void aJobLeftAtItsVectorsStepResumesAtTheObjectsStepTheyNowRunBeside() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 30);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		this.faults.crashListing(prefix, 0);

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60)));

		// dead in its objects step, its vectors all deleted beside them
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.faults.listedUnder(prefix)).isNotEmpty();
			PurgeJob job = jobOf(dataset);
			assertThat(job.step()).isEqualTo("objects");
			assertThat(job.vectorsDeleted()).isEqualTo(40);
		});
		// As a worker of before left it (dead in its vectors step, which ran alone then),
		// with a vector its crash left behind.
		this.jdbc.sql("update purge.jobs set step = 'vectors', checkpoint = null where root_id = ?")
			.param(dataset)
			.update();
		this.vectors.upsert(Catalog.COLLECTION,
				new VectorEntry(org, dataset, UUID.randomUUID(), "image", new float[] { 1, 2, 3, 4 }));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = jobOf(dataset);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.vectorsDeleted()).isEqualTo(41);
		assertThat(job.objectsDeleted()).isEqualTo(30);
		assertThat(this.vectors.countDataset(dataset)).isZero();
		assertThat(this.catalog.versionsUnder(prefix)).isZero();
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
	}

	@Test
	void aJobLeftInItsRowsStepResumesEachRangeOfKeysAfterItsLastCommittedChunk() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		List<UUID> items = this.catalog.items(org, dataset, 60);
		List<UUID> assets = this.catalog.ownedAssets(org, dataset, 6);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		this.faults.crashListing(prefix, 0);

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60)));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.faults.listedUnder(prefix)).isNotEmpty();
			assertThat(jobOf(dataset).step()).isEqualTo("objects");
		});
		// As if it had emptied its prefixes and died in its rows step, with the items'
		// first range (keys up to 7fffffff-…) deleted up to its middle key and the second
		// range not begun.
		emptyPrefix(prefix);
		assets.forEach((asset) -> emptyPrefix(ObjectKeys.assetPrefix(org, asset)));
		List<String> firstRange = items.stream()
			.map(UUID::toString)
			.filter((id) -> id.compareTo("80000000") < 0)
			.sorted(Comparator.naturalOrder())
			.toList();
		assertThat(firstRange).hasSizeGreaterThan(2);
		String last = firstRange.get(firstRange.size() / 2);
		int deleted = this.jdbc.sql("delete from catalog.items where dataset_id = ? and id <= ?::uuid")
			.params(dataset, last)
			.update();
		this.jdbc
			.sql("update purge.jobs set step = 'rows', rows_deleted = ?, "
					+ "checkpoint = 'items:' || ? || ',7fffffff-ffff-ffff-ffff-ffffffffffff' where root_id = ?")
			.params(deleted, last, dataset)
			.update();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = jobOf(dataset);
		assertThat(job.attempts()).isEqualTo(1);
		// every row once: what the first run deleted, and the rest of each range
		assertThat(job.rowsDeleted()).isEqualTo(60 + 6);
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.assets where owner_dataset_id = ?", dataset))
			.isZero();
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
	}

	private void emptyPrefix(String prefix) {
		try (Stream<ObjectVersion> versions = this.objects.listVersions(prefix)) {
			List<ObjectVersion> all = versions.toList();
			if (!all.isEmpty()) {
				this.objects.deleteVersions(all);
			}
		}
	}

	@Test
	void aLeaseHeldByALiveWorkerIsNeverTakenOver() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 10);
		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().plusSeconds(3600)));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jobs.findByRoot(PurgeJob.DATASET, dataset).isPresent());
		// Another worker claimed the job and keeps its lease alive.
		this.jdbc
			.sql("update purge.jobs set state = 'running', run_at = now(), lease_owner = 'another-worker', "
					+ "lease_expires_at = now() + interval '1 hour' where root_id = ?")
			.param(dataset)
			.update();

		this.runner.runDueJobs();

		PurgeJob untouched = jobOf(dataset);
		assertThat(untouched.state()).isEqualTo(JobState.RUNNING);
		assertThat(untouched.leaseOwner()).isEqualTo("another-worker");
		assertThat(untouched.step()).isEqualTo("fence");
		assertThat(this.catalog.status(dataset)).isEqualTo("pending_deletion");
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(20);

		// The other worker dies: its lease lapses and this one finishes the job.
		this.jdbc.sql("update purge.jobs set lease_expires_at = now() - interval '1 second' where root_id = ?")
			.param(dataset)
			.update();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(jobOf(dataset).leaseOwner()).isNull();
		assertThat(jobOf(dataset).attempts()).isEqualTo(1);
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.vectors.countDataset(dataset)).isZero();
	}

}
