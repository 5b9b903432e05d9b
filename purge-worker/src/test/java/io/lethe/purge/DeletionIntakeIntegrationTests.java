package io.lethe.purge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeletionIntakeIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void aRestoreBeforeThePurgeBeginsCancelsTheJobAndKeepsTheData() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofHours(1));
		this.catalog.items(org, dataset, 10);
		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().plusSeconds(3600)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.SCHEDULED));

		// the command service restores the dataset, then its event arrives
		this.jdbc.sql("update catalog.datasets set status = 'active', expires_at = null where id = ?")
			.param(dataset)
			.update();
		TestEvents.publish(dataset, TestEvents.restored(org, dataset));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.CANCELLED));
		this.jdbc.sql("update purge.jobs set run_at = now() - interval '1 minute' where root_id = ?")
			.param(dataset)
			.update();
		this.runner.runDueJobs();
		assertThat(jobOf(dataset).state()).isEqualTo(JobState.CANCELLED);
		assertKept(org, dataset);
	}

	@Test
	void aRestoredDatasetIsNeverPurgedEvenWhenItsJobIsDue() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 10);
		// restored in the catalog before the deletion event was even consumed
		this.jdbc.sql("update catalog.datasets set status = 'active' where id = ?").param(dataset).update();

		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().minusSeconds(60)));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.CANCELLED));
		assertThat(jobOf(dataset).lastError()).contains("restored");
		assertKept(org, dataset);
	}

	@Test
	void aPurgeRequestNeverSkipsTheGracePeriod() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofHours(1));
		this.catalog.items(org, dataset, 10);

		// anyone who can write to the topic asks for the purge now
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).lastError()).contains("grace period"));
		assertThat(jobOf(dataset).state()).isEqualTo(JobState.SCHEDULED);
		assertThat(this.catalog.status(dataset)).isEqualTo("pending_deletion");
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset))
			.isEqualTo(10);
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(20);
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(org, dataset))).isEqualTo(10);

		// the operator's purge-now moves the catalog's expires_at, then asks
		this.jdbc.sql("update catalog.datasets set expires_at = now() where id = ?").param(dataset).update();
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.status(dataset)).isEqualTo("purged");
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(org, dataset))).isZero();
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isPresent();
	}

	@Test
	void aReplayedEventChangesNothing() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofHours(1));
		DatasetDeletionRequested deletion = TestEvents.deletionRequested(org, dataset, Instant.now().plusSeconds(3600));
		TestEvents.publish(dataset, deletion);
		TestEvents.publish(dataset, TestEvents.restored(org, dataset));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.CANCELLED));

		TestEvents.publish(dataset, deletion);
		// a later record on the same key (so the same partition) shows the replay was
		// consumed
		AssetDeletionRequested marker = TestEvents.assetDeletion(org, UUID.randomUUID(), false);
		TestEvents.publish(dataset, marker);
		await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker.getEventId()));

		assertThat(jobOf(dataset).state()).isEqualTo(JobState.CANCELLED);
		assertThat(this.catalog.count("select count(*) from purge.processed_events where event_id = ?",
				deletion.getEventId()))
			.isEqualTo(1);
	}

	@Test
	void aSamplesEventWithAMalformedSampleIdIsDeadLetteredWholeAndMakesNoJob() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		List<UUID> items = this.catalog.items(org, dataset, 2);
		this.catalog.deleteItems(items);
		SamplesDeletionRequested batch = TestEvents.samplesDeletion(org, dataset, items, List.of());
		batch.setSampleIds(List.of(items.get(0).toString(), "sample-2"));

		TestEvents.publish(dataset, batch);

		List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.awaitRawRecords(Topics.DELETIONS_DLT,
				(record) -> dataset.toString().equals(record.key()), 1);
		assertThat(header(dead.get(0), "lethe-dlt-reason")).isEqualTo(
				"InvalidEventException: SamplesDeletionRequested has a sample_ids that is not a UUID: 'sample-2'");
		assertThat(processed(batch.getEventId())).isFalse();
		assertThat(this.catalog.count("select count(*) from purge.jobs where root_id = ?",
				UUID.fromString(batch.getEventId())))
			.isZero();
		assertThat(this.vectors.countItems(items)).isEqualTo(4);
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
		UUID org = this.catalog.org();
		UUID dataset = UUID.randomUUID();
		String key = dataset.toString();
		byte[] noise = "definitely not avro".getBytes(StandardCharsets.UTF_8);
		byte[] unknownSchema = ByteBuffer.allocate(14)
			.order(ByteOrder.LITTLE_ENDIAN)
			.put((byte) 0xC3)
			.put((byte) 0x01)
			.putLong(0x1234_5678_9ABC_DEF0L)
			.putInt(42)
			.array();
		DatasetDeletionRequested invalid = TestEvents.deletionRequested(org, dataset, Instant.now());
		invalid.setDatasetId("not-a-uuid");

		KafkaProbe.sendRaw(Topics.DELETIONS, key, noise);
		KafkaProbe.sendRaw(Topics.DELETIONS, key, unknownSchema);
		TestEvents.publish(dataset, invalid);
		TestEvents.publish(dataset, TestEvents.deletionRequested(org, dataset, Instant.now().plusSeconds(3600)));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.jobs.findByRoot(PurgeJob.DATASET, dataset).isPresent());
		List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.awaitRawRecords(Topics.DELETIONS_DLT,
				(record) -> key.equals(record.key()), 3);
		assertThat(dead).hasSize(3);
		assertThat(dead.get(0).value()).isEqualTo(noise);
		assertThat(header(dead.get(0), "kafka_dlt-exception-fqcn")).endsWith("DeserializationException");
		assertThat(header(dead.get(0), "kafka_dlt-exception-stacktrace"))
			.contains("UndecodableEventException: Not Avro single-object encoded");
		assertThat(header(dead.get(0), "lethe-dlt-reason"))
			.isEqualTo("UndecodableEventException: Not Avro single-object encoded (missing C3 01 header)");
		assertThat(dead.get(1).value()).isEqualTo(unknownSchema);
		assertThat(header(dead.get(1), "lethe-dlt-reason"))
			.startsWith("UndecodableEventException: Unknown writer schema");
		assertThat(header(dead.get(2), "kafka_dlt-exception-message")).contains("dataset_id", "not a UUID");
		assertThat(header(dead.get(2), "lethe-dlt-reason"))
			.isEqualTo("InvalidEventException: DatasetDeletionRequested has a dataset_id that is not a UUID: "
					+ "'not-a-uuid'");
		assertThat(header(dead.get(2), "kafka_dlt-original-topic")).isEqualTo(Topics.DELETIONS);
	}

	private void assertKept(UUID org, UUID dataset) {
		assertThat(this.catalog.status(dataset)).isEqualTo("active");
		assertThat(this.catalog.count("select count(*) from catalog.items where dataset_id = ?", dataset))
			.isEqualTo(10);
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(20);
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(org, dataset))).isEqualTo(10);
		assertThat(this.receipts.findByJob(jobOf(dataset).id())).isEmpty();
	}

	private boolean processed(String eventId) {
		return this.catalog.count("select count(*) from purge.processed_events where event_id = ?", eventId) == 1;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header " + name + " among " + record.headers()).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
