package io.lethe.purge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.events.PurgeCompleted;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.Receipt;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a batch delete of samples, the worker purges the deleted items' vectors, binaries
 * (every version) and rows, and the sources the command service deleted with them, and
 * nothing else. The catalog is seeded as the command service's
 * {@code SampleDeletionService} leaves it: with {@code delete_source}, a source that
 * another live item uses is deleted (and named in the event) only when forced.
 */
class SamplesPurgeIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void deletedSamplesLoseTheirVectorsPreviewsAndRowsWhileTheRestOfTheDatasetIsUntouched() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		List<UUID> items = this.catalog.items(org, dataset, 30);
		List<UUID> deleted = items.subList(0, 12);
		List<UUID> kept = items.subList(12, 30);
		// more versions of a deleted preview, a delete marker on another
		this.catalog.put(ObjectKeys.itemPreview(org, dataset, deleted.get(0)), "a newer preview");
		BucketProbe.deleteMarker(ObjectKeys.itemPreview(org, dataset, deleted.get(1)));
		this.catalog.deleteItems(deleted);
		long vectorsOfDeleted = this.vectors.countItems(deleted);
		long vectorsOfKept = this.vectors.countItems(kept);
		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, deleted, List.of());
		UUID batchId = UUID.fromString(batch.getEventId());

		TestEvents.publish(dataset, batch);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, batchId).state()).isEqualTo(JobState.COMPLETED));
		for (UUID item : deleted) {
			assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, item))).as(item.toString())
				.isEmpty();
		}
		assertThat(this.vectors.countItems(deleted)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.items where id = any(?)",
				(Object) deleted.toArray(UUID[]::new)))
			.isZero();

		PurgeJob job = jobOf(PurgeJob.SAMPLES, batchId);
		assertThat(job.vectorsDeleted()).isEqualTo(vectorsOfDeleted).isEqualTo(job.vectorsTotal()).isEqualTo(22);
		assertThat(job.objectsDeleted()).isEqualTo(12 + 1 + 1);
		assertThat(job.rowsDeleted()).isEqualTo(12);
		Receipt receipt = this.receipts.findByJob(job.id()).orElseThrow();
		assertThat(verifies(receipt.jws())).isTrue();
		assertThat(receipt.body()).contains("\"root_type\":\"samples\"", "\"root_id\":\"" + batchId + "\"",
				"\"counts\":{\"vectors\":22,\"objects\":14,\"rows\":12}", "\"rows_remaining\":0",
				ObjectKeys.itemPrefix(org, dataset, deleted.get(11)));
		PurgeCompleted completed = (PurgeCompleted) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, batchId), 1)
			.get(0);
		assertThat(completed.getRootType()).isEqualTo(PurgeJob.SAMPLES);

		// the other items of the dataset keep everything
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ? and status = 'active'",
				dataset))
			.isEqualTo(18);
		assertThat(this.vectors.countItems(kept)).isEqualTo(vectorsOfKept).isEqualTo(18);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.datasetPrefix(org, dataset))).hasSize(18);
		assertThat(this.catalog.status(dataset)).isEqualTo("active");
	}

	@Test
	void aSourceAnotherItemStillUsesIsKeptWhenNotForced() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID other = this.catalog.dataset(org, "active", null);
		UUID shared = this.catalog.asset(org, null, "ready", 2, false);
		UUID exclusive = this.catalog.asset(org, null, "ready", 2, false);
		UUID usesShared = this.catalog.itemOf(org, dataset, shared, 1);
		UUID alsoUsesShared = this.catalog.itemOf(org, other, shared, 1);
		UUID usesExclusive = this.catalog.itemOf(org, dataset, exclusive, 1);
		// delete_source without force: the sample whose source is shared fails with
		// SOURCE_IN_USE and stays; the other goes with its source
		this.catalog.deleteItems(List.of(usesExclusive));
		markDeleted(exclusive);

		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, List.of(usesExclusive),
				List.of(exclusive));
		TestEvents.publish(dataset, batch);

		UUID batchId = UUID.fromString(batch.getEventId());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, batchId).state()).isEqualTo(JobState.COMPLETED));
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, exclusive))).isEmpty();
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, usesExclusive))).isEmpty();
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ?", exclusive)).isZero();
		assertThat(this.vectors.countItems(List.of(usesExclusive))).isZero();

		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, shared))).hasSize(2);
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ? and status = 'ready'", shared))
			.isEqualTo(1);
		for (UUID item : List.of(usesShared, alsoUsesShared)) {
			assertThat(
					this.catalog.count("select count(*) from catalog.items where id = ? and status = 'active'", item))
				.isEqualTo(1);
			assertThat(this.vectors.countItems(List.of(item))).isEqualTo(2);
		}
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, usesShared))).hasSize(1);
	}

	@Test
	void aSharedSourceIsPurgedWhenForcedAndItsOtherItemKeepsItsOwn() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID other = this.catalog.dataset(org, "active", null);
		UUID shared = this.catalog.asset(org, null, "ready", 3, true);
		UUID sample = this.catalog.itemOf(org, dataset, shared, 2);
		UUID elsewhere = this.catalog.itemOf(org, other, shared, 2);
		// forced: the sample and its source go; the other item is flagged and stays
		this.catalog.deleteItems(List.of(sample));
		markDeleted(shared);
		this.catalog.flagSourceDeleted(shared);

		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, List.of(sample), List.of(shared));
		TestEvents.publish(dataset, batch);

		UUID batchId = UUID.fromString(batch.getEventId());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, batchId).state()).isEqualTo(JobState.COMPLETED));
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, shared))).isEmpty();
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, sample))).isEmpty();
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ?", shared)).isZero();
		assertThat(jobOf(PurgeJob.SAMPLES, batchId).objectsDeleted()).isEqualTo(4 + 2);
		assertThat(this.receipts.findByJob(jobOf(PurgeJob.SAMPLES, batchId).id()).orElseThrow().body())
			.contains(ObjectKeys.assetPrefix(org, shared));

		assertThat(this.catalog.count(
				"select count(*) from catalog.items where id = ? and status = 'active' " + "and source_deleted",
				elsewhere))
			.isEqualTo(1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, other, elsewhere))).hasSize(2);
		assertThat(this.vectors.countItems(List.of(elsewhere))).isEqualTo(2);
	}

	@Test
	void itemsAndSourcesTheCatalogHoldsLiveAreNeverPurgedWhateverTheEventNames() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID source = this.catalog.asset(org, null, "ready", 1, false);
		UUID live = this.catalog.itemOf(org, dataset, source, 1);
		UUID gone = this.catalog.itemOf(org, dataset, this.catalog.asset(org, null, "ready", 1, false), 1);
		this.catalog.deleteItems(List.of(gone));

		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, List.of(live, gone), List.of(source));
		TestEvents.publish(dataset, batch);

		UUID batchId = UUID.fromString(batch.getEventId());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, batchId).state()).isEqualTo(JobState.COMPLETED));
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, gone))).isEmpty();
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, live))).hasSize(1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, source))).hasSize(1);
		assertThat(this.vectors.countItems(List.of(live))).isEqualTo(2);
		assertThat(this.catalog.count("select count(*) from catalog.items where id = ? and status = 'active'", live))
			.isEqualTo(1);
		assertThat(this.receipts.findByJob(jobOf(PurgeJob.SAMPLES, batchId).id()).orElseThrow().body())
			.doesNotContain(live.toString(), source.toString());
	}

	@Test
	void replayingTheSamplesEventMakesOneJobAndOneReceipt() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		List<UUID> items = this.catalog.items(org, dataset, 5);
		this.catalog.deleteItems(items.subList(0, 2));
		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, items.subList(0, 2), List.of());
		UUID batchId = UUID.fromString(batch.getEventId());

		TestEvents.publish(dataset, batch);
		TestEvents.publish(dataset, batch);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, batchId).state()).isEqualTo(JobState.COMPLETED));
		KafkaProbe.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, batchId), 1);
		// the replay came after the job completed, on the same partition
		TestEvents.publish(dataset, batch);
		SamplesDeletionRequested later = TestEvents.samplesDeletion(org, dataset, items.subList(2, 3), List.of());
		this.catalog.deleteItems(items.subList(2, 3));
		TestEvents.publish(dataset, later);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.SAMPLES, UUID.fromString(later.getEventId())).state())
				.isEqualTo(JobState.COMPLETED));

		assertThat(this.catalog.count("select count(*) from purge.jobs where root_id = ?", batchId)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", batchId)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from purge.processed_events where event_id = ?",
				batch.getEventId()))
			.isEqualTo(1);
		assertThat(jobOf(PurgeJob.SAMPLES, batchId).rowsDeleted()).isEqualTo(2);
		// a second batch of the same dataset is a job, and a receipt, of its own
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset)).isEqualTo(2);
	}

	/** What a deletion of the asset leaves of its row. */
	private void markDeleted(UUID asset) {
		this.jdbc
			.sql("update catalog.assets set status = 'deleted', deleted_at = now(), deleted_by = 'key-1' "
					+ "where id = ?")
			.param(asset)
			.update();
	}

}
