package io.lethe.command.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.PurgeEvents;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.PurgeRequested;
import io.lethe.events.codec.AvroSingleObjectCodec;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.KafkaEvents;
import io.lethe.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator API on the command side: who may use it, what it hands the worker, and
 * what it records.
 */
class AdminApiIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void everyAdminRouteRefusesAMemberKeyWith403AndNoKeyWith401() {
		TestOrg org = newOrg();
		String id = UUID.randomUUID().toString();
		List<String[]> routes = List.of(new String[] { "POST", "/api/v1/admin/purges/run-due" },
				new String[] { "POST", "/api/v1/admin/datasets/" + id + "/purge" },
				new String[] { "GET", "/api/v1/admin/purges?state=failed" },
				new String[] { "GET", "/api/v1/admin/purges/" + id },
				new String[] { "POST", "/api/v1/admin/purges/" + id + "/retry" },
				new String[] { "POST", "/api/v1/admin/dlt/replay?dry_run=true" },
				new String[] { "PUT", "/api/v1/admin/datasets/" + id + "/legal-hold" },
				new String[] { "DELETE", "/api/v1/admin/datasets/" + id + "/legal-hold" },
				new String[] { "GET", "/api/v1/admin/audit" });

		for (String[] route : routes) {
			Response member = this.api.send(route[0], route[1], org.key(), Map.of("reason", "x"));
			Response anonymous = this.api.send(route[0], route[1], (String) null, Map.of("reason", "x"));
			assertThat(member.status()).as(route[0] + " " + route[1]).isEqualTo(403);
			assertThat(member.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:forbidden");
			assertThat(anonymous.status()).as(route[0] + " " + route[1]).isEqualTo(401);
		}
	}

	@Test
	void purgeNowMakesADeletedDatasetDueAndHandsTheWorkerARequest() {
		TestOrg org = newOrg();
		String operator = operatorKey(newOrg());
		String dataset = dataset(org, "purge_me_now");
		this.api.delete("/api/v1/datasets/" + dataset + "?grace=P30D", org.key());

		Response accepted = this.api.post("/api/v1/admin/datasets/" + dataset + "/purge", operator,
				Map.of("reason", "customer request"));

		assertThat(accepted.status()).isEqualTo(202);
		PurgeRequested request = (PurgeRequested) requests(dataset, 1).get(0);
		assertThat(request.getEventId()).isEqualTo(accepted.json().get("event_id").stringValue());
		assertThat(request.getRootType()).isEqualTo("dataset");
		assertThat(request.getOrgId()).isEqualTo(org.id().toString());
		assertThat(request.getReason()).isEqualTo("customer request");
		Instant expires = Instant
			.parse(this.api.get("/api/v1/datasets/" + dataset, org.key()).json().get("expires_at").stringValue());
		assertThat(expires).isBefore(Instant.now().plusSeconds(1));
		assertThat(auditActions(dataset, operator)).contains("dataset.purge-now:ok");
	}

	@Test
	void purgeNowOfAnActiveDatasetIsRefusedAndTheRefusalAudited() {
		TestOrg org = newOrg();
		String operator = operatorKey(newOrg());
		String dataset = dataset(org, "still_active");

		Response refused = this.api.post("/api/v1/admin/datasets/" + dataset + "/purge", operator, null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:dataset-not-deleted");
		assertThat(auditActions(dataset, operator)).containsExactly("dataset.purge-now:refused");
		assertThat(this.api.post("/api/v1/admin/datasets/" + UUID.randomUUID() + "/purge", operator, null).status())
			.isEqualTo(404);
	}

	@Test
	void aLegalHoldRefusesPurgeNowAndItsReleaseRequestsTheDuePurge() {
		TestOrg org = newOrg();
		String operator = operatorKey(newOrg());
		String dataset = dataset(org, "held");
		this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key());

		Response placed = this.api.send("PUT", "/api/v1/admin/datasets/" + dataset + "/legal-hold", operator,
				Map.of("reason", "litigation 2026-17"));
		Response refused = this.api.post("/api/v1/admin/datasets/" + dataset + "/purge", operator, null);
		Response released = this.api.send("DELETE", "/api/v1/admin/datasets/" + dataset + "/legal-hold", operator,
				Map.of("reason", "case closed"));

		assertThat(placed.status()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:legal-hold");
		assertThat(released.json().get("purge_requested").booleanValue()).isTrue();
		PurgeRequested request = (PurgeRequested) requests(dataset, 1).get(0);
		assertThat(request.getReason()).isEqualTo("hold-released");
		assertThat(auditActions(dataset, operator)).contains("legal-hold.place:ok", "legal-hold.release:ok");
		assertThat(
				this.api.send("DELETE", "/api/v1/admin/datasets/" + dataset + "/legal-hold", operator, null).status())
			.isEqualTo(404);
		assertThat(
				this.api.send("PUT", "/api/v1/admin/datasets/" + dataset + "/legal-hold", operator, Map.of()).status())
			.isEqualTo(422);
	}

	@Test
	void failedJobsAreListedAndOnlyTheyCanBeRetried() {
		String operator = operatorKey(newOrg());
		UUID failedRoot = UUID.randomUUID();
		UUID failed = job(failedRoot, "failed", "object store refused: 500");
		UUID completed = job(UUID.randomUUID(), "completed", null);
		// both reach the command service's copy through lethe.purge-events
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.api.get("/api/v1/admin/purges?state=failed,completed&limit=100", operator)
						.json()
						.get("data")
						.values()).extracting((j) -> j.get("job_id").stringValue())
						.contains(failed.toString(), completed.toString()));

		JsonNode list = this.api.get("/api/v1/admin/purges?state=failed&limit=100", operator).json();
		Response retried = this.api.post("/api/v1/admin/purges/" + failed + "/retry", operator, null);
		Response notFailed = this.api.post("/api/v1/admin/purges/" + completed + "/retry", operator, null);

		assertThat(list.get("data").values()).extracting((j) -> j.get("job_id").stringValue())
			.contains(failed.toString())
			.doesNotContain(completed.toString());
		JsonNode one = this.api.get("/api/v1/admin/purges/" + failed, operator).json();
		assertThat(one.get("job").get("state").stringValue()).isEqualTo("failed");
		assertThat(one.get("job").get("last_error").stringValue()).isEqualTo("object store refused: 500");
		assertThat(one.get("job").get("requested_by").stringValue()).isEqualTo("test");
		assertThat(one.get("receipt").isNull()).as("no receipt for a failed job").isTrue();
		assertThat(this.api.get("/api/v1/admin/purges/" + UUID.randomUUID(), operator).status()).isEqualTo(404);
		assertThat(retried.status()).isEqualTo(202);
		assertThat(notFailed.status()).isEqualTo(409);
		assertThat(((PurgeRequested) requests(failedRoot.toString(), 1).get(0)).getReason()).isEqualTo("retry");
		assertThat(this.api.get("/api/v1/admin/purges?state=broken", operator).status()).isEqualTo(422);
	}

	@Test
	void runDueHandsTheWorkerASweepRequest() {
		String operator = operatorKey(newOrg());

		Response accepted = this.api.post("/api/v1/admin/purges/run-due", operator, null);

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(requests(AdminService.SWEEP.toString(), 1)).extracting((e) -> ((PurgeRequested) e).getEventId())
			.contains(accepted.json().get("event_id").stringValue());
	}

	@Test
	void deadLettersAreListedByADryRunAndRedeliveredOnceByARealOne() throws Exception {
		String operator = operatorKey(newOrg());
		String key = UUID.randomUUID().toString();
		byte[] good = new AvroSingleObjectCodec().encode(DatasetDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setDatasetId(key)
			.setRequestedBy("test")
			.setExpiresAt(Instant.now())
			.build());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DELETIONS_DLT, key, good);
			record.headers().add("lethe-dlt-reason", "database was down".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}

		JsonNode dry = this.api.post("/api/v1/admin/dlt/replay?dry_run=true", operator, null).json();
		assertThat(dry.get("dry_run").booleanValue()).isTrue();
		assertThat(dry.get("records").values()).anySatisfy((r) -> {
			assertThat(r.get("key").stringValue()).isEqualTo(key);
			assertThat(r.get("event_type").stringValue()).isEqualTo("DatasetDeletionRequested");
			assertThat(r.get("reason").stringValue()).isEqualTo("database was down");
		});
		assertThat(KafkaEvents.await(TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS,
				(r) -> key.equals(r.key()), 1, Duration.ofSeconds(3)))
			.isEmpty();

		JsonNode real = this.api.post("/api/v1/admin/dlt/replay?dry_run=false", operator, null).json();
		assertThat(real.get("records").values()).extracting((r) -> r.get("key").stringValue()).contains(key);
		assertThat(KafkaEvents.await(TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS,
				(r) -> key.equals(r.key()), 1, Duration.ofSeconds(20)))
			.hasSize(1);
		JsonNode again = this.api.post("/api/v1/admin/dlt/replay?dry_run=true", operator, null).json();
		assertThat(again.get("records").values()).extracting((r) -> r.get("key").stringValue()).doesNotContain(key);
	}

	/** A job of another org, as the worker reports it on lethe.purge-events. */
	private static UUID job(UUID root, String state, String error) {
		UUID id = UUID.randomUUID();
		PurgeEvents.publish(PurgeEvents.job(UUID.randomUUID(), id, "dataset", root, state, 4)
			.setAttempts(5)
			.setLastError(error)
			.setRequestedBy("test"));
		return id;
	}

	private List<String> auditActions(String target, String operator) {
		return this.api.get("/api/v1/admin/audit?target_id=" + target, operator)
			.json()
			.get("data")
			.values()
			.stream()
			.map((e) -> e.get("action").stringValue() + ":" + e.get("outcome").stringValue())
			.toList();
	}

	private static List<org.apache.avro.specific.SpecificRecord> requests(String key, int count) {
		return KafkaEvents
			.await(TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS,
					(r) -> key.equals(r.key()) && r.value() instanceof PurgeRequested, count, Duration.ofSeconds(20))
			.stream()
			.map((r) -> r.value())
			.toList();
	}

}
