package io.lethe.command.deletion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.TestImages;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.KafkaEvents;
import io.lethe.testkit.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side of deletion: one transaction, an outbox event on Kafka, restore, and
 * the deletion status.
 */
class DeletionCommandIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void deletingADatasetPublishesOneDeletionRequestedEventKeyedByTheDataset() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "to_delete");

		JsonNode deleted = this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key()).json();
		this.api.delete("/api/v1/datasets/" + dataset, org.key());

		List<ConsumerRecord<String, SpecificRecord>> events = events(dataset, 1);
		assertThat(events).hasSize(1);
		DatasetDeletionRequested event = (DatasetDeletionRequested) events.get(0).value();
		assertThat(event.getDatasetId()).isEqualTo(dataset);
		assertThat(event.getOrgId()).isEqualTo(org.id().toString());
		assertThat(event.getRequestedBy()).isEqualTo(org.keyId().toString());
		assertThat(event.getExpiresAt()).isEqualTo(Instant.parse(deleted.get("expires_at").stringValue())
			.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(new String(events.get(0).headers().lastHeader("lethe-event-type").value()))
			.isEqualTo("DatasetDeletionRequested");
		assertThat(outboxRows(dataset)).isEqualTo(1);
	}

	@Test
	void restoringWithinTheGraceBringsTheDatasetBackWhole() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "comeback");
		String asset = this.api
			.upload("/api/v1/assets", org.key(), "p.png", "image/png", TestImages.png(30, 30), Map.of())
			.json()
			.get("id")
			.stringValue();
		String item = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset))
			.json()
			.get("id")
			.stringValue();
		this.api.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
				Map.of("vector", List.of(1, 0, 0, 0, 0, 0, 0, 0)));
		this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT1H", org.key());

		Response restored = this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null);

		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("status").stringValue()).isEqualTo("active");
		assertThat(restored.json().get("deleted_dt").isNull()).isTrue();
		assertThat(restored.json().get("expires_at").isNull()).isTrue();
		JsonNode items = this.api.get("/api/v1/datasets/" + dataset + "/items", org.key()).json();
		assertThat(items.get("data").get(0).get("embeddings").get(0).stringValue()).isEqualTo("multimodal");
		JsonNode hits = this.api
			.post("/api/v1/datasets/" + dataset + "/search", org.key(),
					Map.of("embedding_name", "multimodal", "vector", List.of(1, 0, 0, 0, 0, 0, 0, 0)))
			.json();
		assertThat(hits.get("results").get(0).get("item_id").stringValue()).isEqualTo(item);
		List<ConsumerRecord<String, SpecificRecord>> events = events(dataset, 2);
		assertThat(events).extracting((r) -> r.value().getSchema().getName())
			.containsExactly("DatasetDeletionRequested", "DatasetRestored");
		assertThat(
				this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json().get("state").stringValue())
			.isEqualTo("active");
	}

	@Test
	void restoringAfterThePurgeBeganIsAConflictWithTheReason() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "too_late");
		this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key());
		this.jdbc.sql("update catalog.datasets set status = 'purging' where id = cast(:id as uuid)")
			.param("id", dataset)
			.update();

		Response restored = this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null);

		assertThat(restored.status()).isEqualTo(409);
		assertThat(restored.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:purge-started");
		assertThat(restored.json().get("detail").stringValue()).contains("purge has begun");
		assertThat(
				this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json().get("state").stringValue())
			.isEqualTo("purging");
	}

	@Test
	void restoringWhenTheNameWasTakenMeanwhileIsAConflict() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "reused");
		this.api.delete("/api/v1/datasets/" + dataset, org.key());
		dataset(org, "reused");

		Response restored = this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null);

		assertThat(restored.status()).isEqualTo(409);
		assertThat(restored.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:name-taken");
		assertThat(this.api.get("/api/v1/datasets/" + dataset, org.key()).json().get("status").stringValue())
			.isEqualTo("pending_deletion");
	}

	@Test
	void theDeletionStatusShowsWhenThePurgeMayRun() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "status_check");
		JsonNode deleted = this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT2H", org.key()).json();

		Response status = this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key());

		assertThat(status.status()).isEqualTo(200);
		JsonNode s = status.json();
		assertThat(s.get("state").stringValue()).isEqualTo("pending_deletion");
		assertThat(s.get("requested_at")).isEqualTo(deleted.get("deleted_dt"));
		assertThat(s.get("requested_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(s.get("expires_at")).isEqualTo(deleted.get("expires_at"));
		assertThat(s.get("progress").get("rows").get("deleted").longValue()).isZero();
		assertThat(s.get("receipt").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/deletion", stranger.key()).status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/datasets/" + dataset + "/restore", stranger.key(), null).status())
			.isEqualTo(404);
	}

	private long outboxRows(String dataset) {
		return this.jdbc.sql("select count(*) from catalog.outbox where aggregate_id = cast(:id as uuid)")
			.param("id", dataset)
			.query(Long.class)
			.single();
	}

	static List<ConsumerRecord<String, SpecificRecord>> events(String key, int count) {
		return KafkaEvents.await(TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS,
				(record) -> key.equals(record.key()), count, Duration.ofSeconds(20));
	}

}
