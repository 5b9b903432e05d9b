package io.lethe.purge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.PurgeCompleted;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RequestedVia;
import io.lethe.purge.receipt.Receipt;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DatasetPurgeIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void anExpiredDatasetIsPurgedFromEveryStoreWithASignedReceipt() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		List<UUID> items = this.catalog.items(org, dataset, 2000);
		UUID owned = this.catalog.ownedAsset(org, dataset, 3, true);
		UUID ownedWithUpload = this.catalog.ownedAsset(org, dataset, 2, false);
		this.catalog.recordedUpload(org, ownedWithUpload);
		this.catalog.entityLink(org, owned);
		this.catalog.itemUsing(org, dataset, owned);
		this.catalog.shareLink(org, dataset);
		String datasetPrefix = ObjectKeys.datasetPrefix(org, dataset);
		this.catalog.openUpload(datasetPrefix + "items/" + items.get(0) + "/keyframes.bin");
		this.catalog.orphan(org, datasetPrefix + "items/" + UUID.randomUUID() + "/preview.jpg", Duration.ofMinutes(10));
		// Another dataset of the same org still uses an asset this one owns: the asset
		// stays.
		UUID neighbour = this.catalog.dataset(org, "active", null);
		this.catalog.items(org, neighbour, 5);
		UUID shared = this.catalog.ownedAsset(org, dataset, 1, false);
		this.catalog.itemUsing(org, neighbour, shared);
		// And another org's dataset in the same stores.
		UUID otherOrg = this.catalog.org();
		UUID foreign = this.catalog.dataset(otherOrg, "active", null);
		this.catalog.items(otherOrg, foreign, 5);
		UUID foreignAsset = this.catalog.ownedAsset(otherOrg, foreign, 2, false);
		long neighbourVectors = this.vectors.countDataset(neighbour);

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = jobOf(dataset);
		assertThat(job.step()).isEqualTo(PurgeJob.DONE);
		assertThat(job.requestedVia()).isEqualTo(RequestedVia.EVENT);
		assertThat(job.vectorsDeleted()).isEqualTo(2010).isEqualTo(job.vectorsTotal());
		// 2,000 previews + 3 versions and a marker + 2 versions + the orphan
		assertThat(job.objectsDeleted()).isEqualTo(2000 + 4 + 2 + 1);
		assertThat(job.rowsDeleted()).isEqualTo(job.rowsTotal())
			.isGreaterThanOrEqualTo(2000 + 1 + 1 + 2 + 1 + 1 + 1 + 1);

		// the catalog: nothing of the dataset but its tombstone
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.share_links where dataset_id = ?", dataset))
			.isZero();
		assertThat(this.catalog.count("select count(*) from catalog.assets where id in (?, ?) or owner_dataset_id = ?",
				owned, ownedWithUpload, dataset))
			.isZero();
		assertThat(this.catalog.count("select count(*) from catalog.entity_assets where asset_id = ?", owned)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.asset_uploads where asset_id = ?", ownedWithUpload))
			.isZero();
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where object_key like ?",
				datasetPrefix + "%"))
			.isZero();
		assertThat(this.jdbc
			.sql("select status, name, description, dataset_config::text, org_id from catalog.datasets "
					+ "where id = ?")
			.param(dataset)
			.query()
			.singleRow()).containsEntry("status", "purged")
			.containsEntry("name", "purged")
			.containsEntry("description", null)
			.containsEntry("dataset_config", null)
			.containsEntry("org_id", org);
		// the vector index and the object store: nothing under any prefix
		assertThat(this.vectors.countDataset(dataset)).isZero();
		// over vacuum-after-vectors: the purge vacuumed the collections it emptied
		assertThat(this.catalog.count("select count(*) from pg_stat_user_tables where schemaname = 'vectors' "
				+ "and relname = ? and last_vacuum is not null", Catalog.COLLECTION))
			.isEqualTo(1);
		for (String prefix : List.of(datasetPrefix, ObjectKeys.assetPrefix(org, owned),
				ObjectKeys.assetPrefix(org, ownedWithUpload))) {
			assertThat(this.catalog.versionsUnder(prefix)).as(prefix).isZero();
			assertThat(this.catalog.uploadsUnder(prefix)).as(prefix).isZero();
		}

		// exactly one receipt, which verifies, and not once a byte changes
		assertThat(this.catalog.count("select count(*) from purge.receipts where job_id = ?", job.id())).isEqualTo(1);
		Receipt receipt = this.receipts.findByJob(job.id()).orElseThrow();
		assertThat(verifies(receipt.jws())).isTrue();
		assertThat(verifies(tampered(receipt.jws(), "\"vectors\":2010", "\"vectors\":2011"))).isFalse();
		assertThat(receipt.body()).startsWith("{\"receipt_id\":")
			.contains("\"job_id\":\"" + job.id() + "\"", "\"root_type\":\"dataset\"", "\"root_id\":\"" + dataset + "\"",
					"\"org_id\":\"" + org + "\"", "\"requested_by\":\"key-1\"",
					"\"counts\":{\"vectors\":2010,\"objects\":2007,\"rows\":" + job.rowsDeleted() + "}",
					"\"rows_remaining\":0", "\"vectors_remaining\":0", "\"object_versions_remaining\":0",
					"\"multipart_uploads_remaining\":0", "\"" + datasetPrefix + "\"",
					"\"" + ObjectKeys.assetPrefix(org, owned) + "\"", "\"algorithm\":\"ES256\"",
					"\"key_id\":\"test-es256-1\"");

		// the outcome went out, with the receipt
		List<org.apache.avro.specific.SpecificRecord> completed = KafkaProbe.awaitEvents(Topics.PURGE_EVENTS,
				(event) -> TestEvents.completedFor(event, dataset), 1);
		PurgeCompleted event = (PurgeCompleted) completed.get(0);
		assertThat(event.getReceipt()).isEqualTo(receipt.body());
		assertThat(event.getSignature()).isEqualTo(receipt.signature());
		assertThat(event.getReceiptJws()).isEqualTo(receipt.jws()).endsWith("." + receipt.signature());
		assertThat(event.getVectorsDeleted()).isEqualTo(2010);
		assertThat(event.getJobId()).isEqualTo(job.id().toString());

		// what belongs to others is untouched: the shared asset (now ownerless), the
		// neighbour, the other org
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ? and owner_dataset_id is null",
				shared))
			.isEqualTo(1);
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, shared))).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", neighbour))
			.isEqualTo(6);
		assertThat(this.vectors.countDataset(neighbour)).isEqualTo(neighbourVectors).isEqualTo(10);
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(org, neighbour))).isEqualTo(5);
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", foreign)).isEqualTo(5);
		assertThat(this.vectors.countDataset(foreign)).isEqualTo(10);
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(otherOrg, foreign))).isEqualTo(5);
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(otherOrg, foreignAsset))).isEqualTo(2);
	}

	@Test
	void theSameEventTwiceMakesOneJobAndOneReceiptAndAPurgeAgainReturnsTheSameReceipt() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 20);
		DatasetDeletionRequested deletion = TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60));

		TestEvents.publish(dataset, deletion);
		TestEvents.publish(dataset, deletion);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeCompleted first = (PurgeCompleted) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, dataset), 1)
			.get(0);
		assertThat(this.catalog.count("select count(*) from purge.jobs where root_id = ?", dataset)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from purge.processed_events where event_id = ?",
				deletion.getEventId()))
			.isEqualTo(1);

		// a worker that died after the job committed but before Kafka had the event
		// publishes it on a later run, with the same event id
		this.jdbc.sql("update purge.jobs set outcome_published = false where root_id = ?").param(dataset).update();
		this.runner.runDueJobs();
		PurgeCompleted republished = (PurgeCompleted) KafkaProbe
			.awaitEvents(Topics.PURGE_EVENTS, (event) -> TestEvents.completedFor(event, dataset), 2)
			.get(1);
		assertThat(republished.getEventId()).isEqualTo(first.getEventId());

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		List<org.apache.avro.specific.SpecificRecord> announced = KafkaProbe.awaitEvents(Topics.PURGE_EVENTS,
				(event) -> TestEvents.completedFor(event, dataset), 3);
		PurgeCompleted again = (PurgeCompleted) announced.get(2);
		assertThat(again.getEventId()).isNotEqualTo(first.getEventId());
		assertThat(again.getReceipt()).isEqualTo(first.getReceipt());
		assertThat(again.getSignature()).isEqualTo(first.getSignature());
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
		assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED);
	}

	/**
	 * A fence that adds many prefixes tells the planner about them: the steps' anti-joins
	 * against them ran for a quarter of an hour in a bench run of 100,000 assets, before
	 * autovacuum had analyzed the table.
	 */
	@Test
	void aDatasetOfManyAssetsHasItsPrefixesAnalyzedBeforeItsStepsAskAboutThem() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.jdbc.sql("""
				insert into catalog.assets (id, org_id, filename, content_type, asset_type, object_key,
				        owner_dataset_id, status, created_at, created_by, updated_at, updated_by)
				select id, ?, 'beach.jpg', 'image/jpeg', 'image', 'orgs/' || ? || '/assets/' || id || '/original',
				       ?, 'ready', now(), 'key-1', now(), 'key-1'
				from (select gen_random_uuid() as id from generate_series(1, 1200)) a
				""").params(org, org.toString(), dataset).update();
		long analyzedBefore = analyzeCount();

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60)));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.count("select count(*) from catalog.assets where owner_dataset_id = ?", dataset))
			.isZero();
		// the statistics reach the view when the analyzing session reports them
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(analyzeCount()).isGreaterThan(analyzedBefore));
	}

	private long analyzeCount() {
		return this.jdbc
			.sql("select analyze_count from pg_stat_user_tables "
					+ "where schemaname = 'purge' and relname = 'job_prefixes'")
			.query(Long.class)
			.single();
	}

	@Test
	void anExpiredDatasetWhoseEventWasLostIsFoundBySweepAndPurged() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		this.catalog.items(org, dataset, 10);
		this.catalog.expired(dataset, Duration.ofHours(1));

		this.runner.runDueJobs();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(jobOf(dataset).requestedVia()).isEqualTo(RequestedVia.SWEEP);
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.vectors.countDataset(dataset)).isZero();
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isPresent();
	}

	@Test
	void aDatasetOwningMostOfItsOrgsAssetsIsListedShardByShardAndEveryOtherAssetStays() {
		UUID org = this.catalog.org();
		UUID big = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		List<UUID> bigAssets = this.catalog.ownedAssets(org, big, 300);
		UUID small = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		List<UUID> smallAssets = this.catalog.ownedAssets(org, small, 3);
		UUID neighbour = this.catalog.dataset(org, "active", null);
		List<UUID> neighbourAssets = this.catalog.ownedAssets(org, neighbour, 120);
		List<UUID> unowned = this.catalog.ownedAssets(org, null, 20);
		String assets = ObjectKeys.orgAssetsPrefix(org);
		// keys under the org's assets that are no asset's prefix, one of them nearly the
		// big dataset's
		this.catalog.put(assets + "readme.txt", "not an asset");
		this.catalog.put(assets + bigAssets.get(0).toString().toUpperCase() + "/original", "not an asset either");
		List<String> othersBefore = BucketProbe.versionsUnder(assets)
			.stream()
			.filter((version) -> bigAssets.stream().noneMatch((asset) -> version.startsWith(assets + asset)))
			.toList();
		assertThat(othersBefore).hasSize(3 + 120 + 20 + 2);
		int listedBefore = this.faults.listedUnder(assets).size();
		int uploadListingsBefore = this.faults.uploadListingsUnder(assets).size();

		TestEvents.publish(big, TestEvents.deletionRequested(org, big, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(big).state()).isEqualTo(JobState.COMPLETED));
		List<String> bigListings = this.faults.listedUnder(assets)
			.subList(listedBefore, this.faults.listedUnder(assets).size());
		// the objects step and verify each listed the org's 16 shards, not 300 prefixes
		assertThat(bigListings).hasSize(2 * 16).allMatch((listing) -> listing.length() == assets.length() + 1);
		// and their unfinished uploads once each, over the org's whole asset prefix
		assertThat(this.faults.uploadListingsUnder(assets)
			.subList(uploadListingsBefore, this.faults.uploadListingsUnder(assets).size()))
			.containsExactly(assets, assets);
		assertThat(BucketProbe.versionsUnder(assets)).containsExactlyInAnyOrderElementsOf(othersBefore);
		assertThat(BucketProbe.versionsUnder(ObjectKeys.datasetPrefix(org, big))).isEmpty();
		PurgeJob job = jobOf(big);
		assertThat(job.objectsDeleted()).isEqualTo(300);
		// the receipt counts the 301 prefixes and carries their digest, not the list
		List<String> prefixes = this.jdbc.sql("select prefix from purge.job_prefixes where job_id = ? order by ordinal")
			.param(job.id())
			.query(String.class)
			.list();
		assertThat(prefixes).hasSize(301).contains(ObjectKeys.assetPrefix(org, bigAssets.get(150)));
		Receipt receipt = this.receipts.findByJob(job.id()).orElseThrow();
		assertThat(receipt.body())
			.contains("\"prefix_count\":301,\"prefixes_sha256\":\"" + sha256Lines(prefixes) + "\"")
			.doesNotContain("\"prefixes\":");
		assertThat(verifies(receipt.jws())).isTrue();

		// a dataset owning 3 of the org's 143 assets left lists just its own: three
		// prefixes are one wave of listings
		int listedBeforeSmall = this.faults.listedUnder(assets).size();
		TestEvents.publish(small, TestEvents.deletionRequested(org, small, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(small).state()).isEqualTo(JobState.COMPLETED));
		List<String> smallListings = this.faults.listedUnder(assets)
			.subList(listedBeforeSmall, this.faults.listedUnder(assets).size());
		List<String> smallPrefixes = smallAssets.stream().map((asset) -> ObjectKeys.assetPrefix(org, asset)).toList();
		assertThat(smallListings).hasSize(2 * 3).containsAll(smallPrefixes);
		assertThat(BucketProbe.versionsUnder(assets)).hasSize(othersBefore.size() - 3)
			.noneMatch((version) -> smallPrefixes.stream().anyMatch(version::startsWith));
		assertThat(neighbourAssets).allSatisfy(
				(asset) -> assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).hasSize(1));
		assertThat(unowned).allSatisfy(
				(asset) -> assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).hasSize(1));
	}

	@Test
	void aSmallOrgsAssetsAreListedOnceAndItsUploadsOnceWhateverTheShare() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		List<UUID> owned = this.catalog.ownedAssets(org, dataset, 40);
		UUID neighbour = this.catalog.dataset(org, "active", null);
		List<UUID> neighbourAssets = this.catalog.ownedAssets(org, neighbour, 30);
		List<UUID> unowned = this.catalog.ownedAssets(org, null, 10);
		String assets = ObjectKeys.orgAssetsPrefix(org);
		int listedBefore = this.faults.listedUnder(assets).size();
		int uploadListingsBefore = this.faults.uploadListingsUnder(assets).size();

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		// 80 assets, at most the 100 of one shard: the objects step and verify each list
		// the org's whole asset prefix once for versions and once for uploads
		assertThat(this.faults.listedUnder(assets).subList(listedBefore, this.faults.listedUnder(assets).size()))
			.containsExactly(assets, assets);
		assertThat(this.faults.uploadListingsUnder(assets)
			.subList(uploadListingsBefore, this.faults.uploadListingsUnder(assets).size()))
			.containsExactly(assets, assets);
		assertThat(owned)
			.allSatisfy((asset) -> assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isEmpty());
		assertThat(neighbourAssets).allSatisfy(
				(asset) -> assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).hasSize(1));
		assertThat(unowned).allSatisfy(
				(asset) -> assertThat(BucketProbe.versionsUnder(ObjectKeys.assetPrefix(org, asset))).hasSize(1));
		assertThat(jobOf(dataset).objectsDeleted()).isEqualTo(40);
	}

	/** SHA-256 of the lines, each ended by a newline, as {@code sha256sum} prints it. */
	private static String sha256Lines(List<String> lines) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
