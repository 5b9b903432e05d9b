package io.lethe.purge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.PurgeCompleted;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.Receipt;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a forced asset delete, the worker purges the asset's binary (every version, every
 * delete marker, every unfinished upload) and its remaining rows, and with a cascade the
 * items the deletion took along; items that were only flagged keep what is theirs. The
 * catalog is seeded as the command service's {@code AssetDeletionService} leaves it.
 */
class AssetPurgeIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void aForcedAssetDeleteRemovesEveryVersionOfItsBinaryAndItsUploadsWithAReceiptThatVerifies() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID asset = this.catalog.asset(org, null, "deleted", 3, true);
		String assetPrefix = ObjectKeys.assetPrefix(org, asset);
		// an upload the catalog recorded, one it did not, and a write whose row never
		// committed
		this.catalog.recordedUpload(org, asset);
		this.catalog.openUpload(assetPrefix + "original.part");
		this.catalog.orphan(org, assetPrefix + "thumbnail.jpg", Duration.ofMinutes(10));
		// the forced delete flagged the item that referenced it; the item keeps its own
		UUID flagged = this.catalog.itemOf(org, dataset, asset, 2);
		this.catalog.flagSourceDeleted(asset);
		// another asset of the org, with the same name, is someone else's business
		UUID neighbour = this.catalog.asset(org, null, "ready", 2, false);
		assertThat(BucketProbe.versionsUnder(assetPrefix)).hasSize(3 + 1 + 1);
		assertThat(BucketProbe.uploadsUnder(assetPrefix)).hasSize(2);

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, false));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(BucketProbe.versionsUnder(assetPrefix)).isEmpty();
		assertThat(BucketProbe.uploadsUnder(assetPrefix)).isEmpty();
		assertThat(rowsOfAsset(asset)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where object_key like ?",
				assetPrefix + "%"))
			.isZero();

		PurgeJob job = jobOf(PurgeJob.ASSET, asset);
		// 3 versions + the delete marker + the orphan; the asset row, its upload and
		// part,
		// the intent
		assertThat(job.objectsDeleted()).isEqualTo(5);
		assertThat(job.rowsDeleted()).isEqualTo(job.rowsTotal()).isEqualTo(4);
		assertThat(job.vectorsDeleted()).isZero();
		Receipt receipt = this.receipts.findByJob(job.id()).orElseThrow();
		assertThat(verifies(receipt.jws())).isTrue();
		assertThat(verifies(tampered(receipt.jws(), "\"objects\":5", "\"objects\":4"))).isFalse();
		assertThat(receipt.body()).contains("\"root_type\":\"asset\"", "\"root_id\":\"" + asset + "\"",
				"\"counts\":{\"vectors\":0,\"objects\":5,\"rows\":4}", "\"object_versions_remaining\":0",
				"\"multipart_uploads_remaining\":0", "\"prefixes\":[\"" + assetPrefix + "\"]");
		PurgeCompleted completed = (PurgeCompleted) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, asset), 1)
			.get(0);
		assertThat(completed.getRootType()).isEqualTo(PurgeJob.ASSET);
		assertThat(completed.getReceipt()).isEqualTo(receipt.body());

		// the flagged item keeps its preview (every version) and its vectors
		assertThat(this.catalog.count(
				"select count(*) from catalog.items where id = ? and status = 'active' " + "and source_deleted",
				flagged))
			.isEqualTo(1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, dataset, flagged))).hasSize(2);
		assertThat(this.vectors.countItems(List.of(flagged))).isEqualTo(2);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, neighbour))).hasSize(2);
		assertThat(rowsOfAsset(neighbour)).isEqualTo(1);
	}

	@Test
	void aCascadingAssetDeleteAlsoPurgesTheReferencingItemsAndNothingElse() {
		UUID org = this.catalog.org();
		UUID first = this.catalog.dataset(org, "active", null);
		UUID second = this.catalog.dataset(org, "active", null);
		UUID asset = this.catalog.asset(org, null, "deleted", 2, false);
		UUID inFirst = this.catalog.itemOf(org, first, asset, 3);
		UUID inSecond = this.catalog.itemOf(org, second, asset, 1);
		// what cascade=true left: both referencing items deleted with the asset
		this.catalog.deleteItems(List.of(inFirst, inSecond));
		this.catalog.openUpload(ObjectKeys.itemPrefix(org, first, inFirst) + "keyframes.bin");
		UUID otherSource = this.catalog.asset(org, null, "ready", 1, false);
		UUID untouched = this.catalog.itemOf(org, first, otherSource, 2);
		long firstVectors = this.vectors.countDataset(first);

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, true));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		for (String prefix : List.of(ObjectKeys.assetPrefix(org, asset), ObjectKeys.itemPrefix(org, first, inFirst),
				ObjectKeys.itemPrefix(org, second, inSecond))) {
			assertThat(BucketProbe.versionsUnder(prefix)).as(prefix).isEmpty();
			assertThat(BucketProbe.uploadsUnder(prefix)).as(prefix).isEmpty();
		}
		assertThat(this.vectors.countItems(List.of(inFirst, inSecond))).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.items where id in (?, ?)", inFirst, inSecond))
			.isZero();
		assertThat(rowsOfAsset(asset)).isZero();
		PurgeJob job = jobOf(PurgeJob.ASSET, asset);
		assertThat(job.vectorsDeleted()).isEqualTo(4).isEqualTo(job.vectorsTotal());
		assertThat(job.objectsDeleted()).isEqualTo(2 + 3 + 1);
		assertThat(job.rowsDeleted()).isEqualTo(3);
		Receipt receipt = this.receipts.findByJob(job.id()).orElseThrow();
		assertThat(verifies(receipt.jws())).isTrue();
		assertThat(receipt.body()).contains(ObjectKeys.itemPrefix(org, first, inFirst),
				ObjectKeys.itemPrefix(org, second, inSecond));

		// the rest of the dataset is as it was
		assertThat(
				this.catalog.count("select count(*) from catalog.items where id = ? and status = 'active'", untouched))
			.isEqualTo(1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.itemPrefix(org, first, untouched))).hasSize(2);
		assertThat(this.vectors.countDataset(first)).isEqualTo(firstVectors - 2).isEqualTo(2);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, otherSource))).hasSize(1);
	}

	@Test
	void theSameAssetEventTwiceMakesOneJobAndOneReceipt() {
		UUID org = this.catalog.org();
		UUID asset = this.catalog.asset(org, null, "deleted", 2, true);
		AssetDeletionRequested deletion = TestEvents.assetDeletion(org, asset, false);

		TestEvents.publish(asset, deletion);
		TestEvents.publish(asset, deletion);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		KafkaProbe.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, asset), 1);
		assertThat(this.catalog.count("select count(*) from purge.jobs where root_id = ?", asset)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", asset)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from purge.processed_events where event_id = ?",
				deletion.getEventId()))
			.isEqualTo(1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isEmpty();
	}

	@Test
	void aLiveAssetIsNeverPurgedWhateverAnEventSays() {
		UUID org = this.catalog.org();
		UUID asset = this.catalog.asset(org, null, "ready", 2, false);

		TestEvents.publish(asset, TestEvents.assetDeletion(org, asset, false));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.FAILED));
		assertThat(jobOf(PurgeJob.ASSET, asset).lastError()).contains("is ready, not deleted");
		KafkaProbe.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.failedFor(event, asset), 1);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).hasSize(2);
		assertThat(rowsOfAsset(asset)).isEqualTo(1);
		assertThat(this.receipts.findByJob(jobOf(PurgeJob.ASSET, asset).id())).isEmpty();
	}

	private long rowsOfAsset(UUID asset) {
		return this.catalog.count(
				"select (select count(*) from catalog.assets where id = ?)"
						+ " + (select count(*) from catalog.asset_uploads where asset_id = ?)"
						+ " + (select count(*) from catalog.asset_upload_parts where asset_id = ?)"
						+ " + (select count(*) from catalog.entity_assets where asset_id = ?)",
				asset, asset, asset, asset);
	}

}
