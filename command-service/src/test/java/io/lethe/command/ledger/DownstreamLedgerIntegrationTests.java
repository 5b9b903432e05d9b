package io.lethe.command.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.PurgeEvents;
import io.lethe.events.DeletionAcknowledged;
import io.lethe.events.DeletionCompleted;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventSerializer;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.Api;
import io.lethe.testkit.ReceiptJwks;
import io.lethe.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The downstream ledger end to end on the real broker and database: consumers registered
 * by an operator, a deletion's purge played on {@code lethe.purge-events} as the worker
 * sends it, acknowledgements over REST and {@code lethe.deletion-acks}, and the events
 * that follow in the outbox. Each test retires the consumers it registered, so that no
 * other test's deletion waits for them.
 */
class DownstreamLedgerIntegrationTests extends CommandServiceIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static KafkaProducer<String, byte[]> producer;

	private final List<String> registered = new ArrayList<>();

	private String operator;

	@Autowired
	private EventCodec codec;

	@AfterEach
	void retireConsumers() {
		for (String id : this.registered) {
			this.api.delete("/api/v1/admin/consumers/" + id, this.operator);
		}
	}

	@Test
	void aDatasetDeletionWaitsForEveryRequiredConsumerThenCompletesOnce() {
		TestOrg org = newOrg();
		Consumer search = register("search_" + shortId(), "PT1H", true);
		Consumer cache = register("cache_" + shortId(), "PT1H", true);
		UUID dataset = deletedDataset(org);
		assertThat(downstream(org, dataset, search.name()).get("state").stringValue()).isEqualTo("waiting");
		// before the purge begins the deletion can be undone: consumers only hide
		assertThat(ack(search, dataset, "deleted").status()).isEqualTo(409);

		UUID job = UUID.randomUUID();
		PurgeEvents.publish(running(org, job, dataset, Instant.now()));
		await().atMost(WAIT).until(() -> outbox(dataset, "PurgeStarted") == 1);
		PurgeEvents.publish(PurgeEvents.completed(org.id(), job, "dataset", dataset, 2));
		await().atMost(WAIT)
			.until(() -> "completed".equals(status(org, dataset).get("job").get("state").stringValue()));
		assertThat(outbox(dataset, "DeletionCompleted")).isZero();

		// a failure is shown to operators at once, before any deadline passed
		assertThat(ack(search, dataset, "failed").status()).isEqualTo(200);
		assertThat(overdue(dataset)).singleElement()
			.satisfies((entry) -> assertThat(entry.get("state").stringValue()).isEqualTo("failed"));
		Api.Response rest = ack(search, dataset, "deleted");
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.json().get("duplicate").booleanValue()).isFalse();
		assertThat(downstream(org, dataset, search.name()).get("state").stringValue()).isEqualTo("acknowledged");
		assertThat(downstream(org, dataset, cache.name()).get("state").stringValue()).isEqualTo("waiting");
		assertThat(outbox(dataset, "DeletionCompleted")).isZero();

		sendAck(cache.name(), "dataset", dataset, "deleted");
		await().atMost(WAIT).until(() -> outbox(dataset, "DeletionCompleted") == 1);
		assertThat(downstream(org, dataset, cache.name()).get("state").stringValue()).isEqualTo("acknowledged");
		DeletionCompleted completed = completion(dataset);
		assertThat(completed.getAcknowledgements()).extracting((a) -> a.getConsumer())
			.contains(search.name(), cache.name());

		// the completion receipt: in the status, on the event, verified by an independent
		// JOSE implementation against the published keys, naming both answers
		JsonNode receipt = status(org, dataset).get("completion_receipt");
		String jws = receipt.get("jws").stringValue();
		assertThat(receipt.get("key_id").stringValue()).isEqualTo("test-completion-1");
		assertThat(completed.getCompletionReceiptJws()).isEqualTo(jws);
		String jwks = this.api.get("/.well-known/jwks.json", null).body();
		assertThat(jwks).contains("test-completion-1", "test-completion-0").doesNotContain("\"d\"");
		assertThat(ReceiptJwks.verifies(jws, jwks)).isTrue();
		assertThat(ReceiptJwks.header(jws)).contains("lethe-completion-receipt+jwt");
		String payload = payload(jws);
		assertThat(payload).contains("\"deletion_event_id\":\"" + completed.getDeletionEventId() + "\"",
				"\"job_id\":\"" + job + "\"", "\"consumer\":\"" + search.name() + "\"",
				"\"consumer\":\"" + cache.name() + "\"", "\"items_deleted\":3", "\"store_receipt\":{\"job_id\"");
		String tampered = ReceiptJwks.tampered(jws, "\"items_deleted\":3", "\"items_deleted\":4");
		assertThat(ReceiptJwks.verifies(tampered, jwks)).isFalse();
		JsonNode check = verify(org, jws);
		assertThat(check.get("valid").booleanValue()).isTrue();
		assertThat(check.get("kind").stringValue()).isEqualTo("completion");
		assertThat(verify(org, tampered).get("valid").booleanValue()).isFalse();

		// a repeat, over either path, changes nothing and completes nothing again
		double duplicates = metric("lethe_downstream_acks_duplicate_total", "kafka");
		Api.Response again = ack(search, dataset, "failed");
		assertThat(again.json().get("duplicate").booleanValue()).isTrue();
		assertThat(again.json().get("outcome").stringValue()).isEqualTo("deleted");
		sendAck(cache.name(), "dataset", dataset, "deleted");
		sendAck(search.name(), "dataset", dataset, "deleted");
		await().atMost(WAIT).until(() -> metric("lethe_downstream_acks_duplicate_total", "kafka") >= duplicates + 2);
		assertThat(outbox(dataset, "DeletionCompleted")).isEqualTo(1);
	}

	@Test
	void anOverdueConsumerIsReportedAndALaterDeletedAnswersItsFailure() {
		TestOrg org = newOrg();
		Consumer slow = register("slow_" + shortId(), "PT1M", true);
		UUID dataset = deletedDataset(org);
		// the purge began an hour ago: a minute's deadline has passed
		UUID job = UUID.randomUUID();
		PurgeEvents.publish(running(org, job, dataset, Instant.now().minus(Duration.ofHours(1))));
		await().atMost(WAIT)
			.until(() -> "overdue".equals(downstream(org, dataset, slow.name()).get("state").stringValue()));

		assertThat(overdue(dataset)).singleElement()
			.satisfies((entry) -> assertThat(entry.get("consumer").stringValue()).isEqualTo(slow.name()));
		assertThat(metric("lethe_downstream_acks_overdue", null)).isGreaterThanOrEqualTo(1);
		// operators read the same ledger on the job, and counted in the list of jobs
		JsonNode detail = this.api.get("/api/v1/admin/purges/" + job, this.operator).json();
		assertThat(detail.get("downstream")).singleElement().satisfies((entry) -> {
			assertThat(entry.get("consumer").stringValue()).isEqualTo(slow.name());
			assertThat(entry.get("state").stringValue()).isEqualTo("overdue");
		});
		assertThat(detail.get("job").get("downstream").get("consumers").intValue()).isEqualTo(1);
		assertThat(detail.get("job").get("downstream").get("overdue").intValue()).isEqualTo(1);
		JsonNode listed = listedJob(job);
		assertThat(listed.get("downstream").get("acknowledged").intValue()).isZero();
		assertThat(listed.get("downstream").get("overdue").intValue()).isEqualTo(1);
		assertThat(listed.get("downstream").get("complete").booleanValue()).isFalse();

		assertThat(ack(slow, dataset, "failed").status()).isEqualTo(200);
		assertThat(downstream(org, dataset, slow.name()).get("state").stringValue()).isEqualTo("failed");
		assertThat(overdue(dataset)).singleElement()
			.satisfies((entry) -> assertThat(entry.get("state").stringValue()).isEqualTo("failed"));

		Api.Response late = ack(slow, dataset, "deleted");
		assertThat(late.status()).isEqualTo(200);
		assertThat(late.json().get("duplicate").booleanValue()).isFalse();
		assertThat(downstream(org, dataset, slow.name()).get("state").stringValue()).isEqualTo("acknowledged");
		assertThat(overdue(dataset)).isEmpty();
		assertThat(listedJob(job).get("downstream").get("acknowledged").intValue()).isEqualTo(1);
	}

	private JsonNode listedJob(UUID job) {
		for (JsonNode entry : this.api.get("/api/v1/admin/purges?state=running&limit=100", this.operator)
			.json()
			.get("data")) {
			if (entry.get("job_id").stringValue().equals(job.toString())) {
				return entry;
			}
		}
		throw new AssertionError("Job " + job + " is not among the running jobs");
	}

	@Test
	void aRestoredDatasetsPendingAcksAreCancelled() {
		TestOrg org = newOrg();
		Consumer index = register("index_" + shortId(), "PT1H", true);
		String dataset = dataset(org, "restored_" + shortId());
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT1H", org.key()).status()).isEqualTo(200);
		assertThat(downstream(org, UUID.fromString(dataset), index.name()).get("state").stringValue())
			.isEqualTo("waiting");

		assertThat(this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null).status()).isEqualTo(200);

		assertThat(status(org, UUID.fromString(dataset)).get("downstream")).isEmpty();
		Api.Response refused = ack(index, UUID.fromString(dataset), "deleted");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").stringValue()).endsWith("deletion-cancelled");
	}

	@Test
	void anAssetsDeletionStatusListsTheConsumersOfAssetsUntilItsPurgeBegins() {
		TestOrg org = newOrg();
		Consumer thumbnails = register("thumbnails_" + shortId(), List.of("asset"), "PT2H", true);
		String asset = asset(org);
		assertThat(this.api.delete("/api/v1/assets/" + asset + "?force=true", org.key()).status()).isEqualTo(200);

		JsonNode status = this.api.get("/api/v1/assets/" + asset + "/deletion", org.key()).json();
		List<JsonNode> mine = new ArrayList<>();
		status.get("downstream").forEach((entry) -> {
			if (entry.get("consumer").stringValue().equals(thumbnails.name())) {
				mine.add(entry);
			}
		});
		assertThat(mine).singleElement().satisfies((entry) -> {
			assertThat(entry.get("state").stringValue()).isEqualTo("waiting");
			assertThat(entry.get("required").booleanValue()).isTrue();
			// the deadline runs from the purge's start, which has not come
			assertThat(entry.get("due_at").isNull()).isTrue();
		});
	}

	@Test
	void unknownUnauthorizedAndMisdirectedAcksAreRefusedWithAReason() {
		TestOrg org = newOrg();
		Consumer assets = register("assets_only_" + shortId(), List.of("asset"), "PT1H", false);
		UUID dataset = deletedDataset(org);

		assertThat(problem(ack(assets, UUID.randomUUID(), "asset", "deleted"))).isEqualTo("404 not-found");
		assertThat(problem(ack(assets, dataset, "dataset", "deleted"))).isEqualTo("409 root-type-not-registered");
		assertThat(problem(this.api.post(ackPath("dataset", dataset), org.key(), Map.of("outcome", "deleted"))))
			.isEqualTo("403 consumer-key-required");
		Api.Response invalid = this.api.post(ackPath("folder", dataset), assets.key(), Map.of("outcome", "gone"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("errors").toString()).contains("outcome", "root_type");

		// a consumer key can do nothing else
		assertThat(problem(this.api.get("/api/v1/datasets", assets.key())))
			.isEqualTo("403 consumer-key-acknowledges-only");
		assertThat(this.api.get("/api/v1/admin/consumers", assets.key()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/deletion", assets.key()).status()).isEqualTo(403);

		this.api.delete("/api/v1/admin/consumers/" + assets.id(), this.operator);
		assertThat(problem(ack(assets, UUID.randomUUID(), "asset", "deleted"))).isEqualTo("403 consumer-retired");

		double before = metric("lethe_downstream_acks_refused_total", "unregistered-consumer");
		sendAck("never_registered_" + shortId(), "dataset", dataset, "deleted");
		await().atMost(WAIT)
			.until(() -> metric("lethe_downstream_acks_refused_total", "unregistered-consumer") >= before + 1);
	}

	@Test
	void consumersAreRegisteredChangedAndRetiredWithAnAuditTrail() {
		this.operator = operatorKey(newOrg());
		Api.Response invalid = this.api.post("/api/v1/admin/consumers", this.operator,
				Map.of("name", "bad name!", "root_types", List.of("dataset", "folders"), "ack_deadline", "tomorrow"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("errors").toString()).contains("name", "root_types", "ack_deadline");

		Consumer consumer = register("feature_store_" + shortId(), "P1D", true);
		assertThat(problem(this.api.post("/api/v1/admin/consumers", this.operator,
				Map.of("name", consumer.name(), "root_types", List.of("asset"), "ack_deadline", "PT1H"))))
			.isEqualTo("409 consumer-name-taken");
		JsonNode changed = this.api
			.patch("/api/v1/admin/consumers/" + consumer.id(), this.operator,
					Map.of("required", false, "ack_deadline", "PT12H"))
			.json();
		assertThat(changed.get("required").booleanValue()).isFalse();
		assertThat(changed.get("ack_deadline").stringValue()).isEqualTo("PT12H");
		JsonNode retired = this.api.delete("/api/v1/admin/consumers/" + consumer.id(), this.operator).json();
		assertThat(retired.get("retired_at").isNull()).isFalse();

		List<String> actions = new ArrayList<>();
		this.api.get("/api/v1/admin/audit?target_id=" + consumer.id(), this.operator)
			.json()
			.get("data")
			.forEach((entry) -> actions.add(entry.get("action").stringValue()));
		assertThat(actions).contains("consumer.register", "consumer.change", "consumer.retire");
	}

	@Test
	void twoLastAcksArrivingTogetherCloseTheDeletionExactlyOnce() throws Exception {
		TestOrg org = newOrg();
		Consumer first = register("first_" + shortId(), "PT1H", true);
		Consumer second = register("second_" + shortId(), "PT1H", true);
		UUID dataset = purgedDataset(org);

		List<Api.Response> answers = together(() -> ack(first, dataset, "deleted"),
				() -> ack(second, dataset, "nothing_held"));

		assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200);
		assertThat(outbox(dataset, "DeletionCompleted")).isEqualTo(1);
		assertThat(completionReceipts(dataset)).isEqualTo(1);
		assertThat(payload(completion(dataset).getCompletionReceiptJws())).contains(first.name(), second.name());
	}

	@Test
	void anAckRacingARestoreLeavesTheDeletionEitherClosedOrRestoredNeverBoth() throws Exception {
		TestOrg org = newOrg();
		Consumer index = register("raced_" + shortId(), "PT1H", true);
		UUID dataset = purgedDataset(org);

		List<Api.Response> answers = together(() -> ack(index, dataset, "deleted"),
				() -> this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null));

		Api.Response ack = answers.get(0);
		Api.Response restore = answers.get(1);
		if (restore.status() == 200) {
			assertThat(ack.status()).as("an ack of a deletion restored: %s", ack.body()).isEqualTo(409);
			assertThat(problem(ack)).isEqualTo("409 deletion-cancelled");
			assertThat(outbox(dataset, "DeletionCompleted")).isZero();
			assertThat(completionReceipts(dataset)).isZero();
		}
		else {
			// the ledger knew the purge began: consumers were asked to erase, so no
			// restore
			assertThat(problem(restore)).isEqualTo("409 purge-started");
			assertThat(ack.status()).isEqualTo(200);
			assertThat(outbox(dataset, "DeletionCompleted")).isEqualTo(1);
			assertThat(completionReceipts(dataset)).isEqualTo(1);
			assertThat(status(org, dataset).get("state").stringValue()).isNotEqualTo("active");
			// nor once it closed
			assertThat(problem(this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null)))
				.isEqualTo("409 purge-started");
		}
	}

	@Test
	void aSamplesBatchHasADeletionStatusWithItsLedgerAndBothReceipts() {
		TestOrg org = newOrg();
		Consumer index = register("samples_index_" + shortId(), List.of("samples"), "PT1H", true);
		String dataset = dataset(org, "samples_" + shortId());
		String item = item(org, dataset, asset(org));
		Api.Response deleted = this.api.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(),
				Map.of("samples", List.of(item)));
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		UUID batch = UUID.fromString(deleted.json().get("deletion_event_id").stringValue());
		String route = "/api/v1/samples/deletions/" + batch;

		JsonNode before = this.api.get(route, org.key()).json();
		assertThat(before.get("state").stringValue()).isEqualTo("deleted");
		assertThat(before.get("job").isNull()).isTrue();
		assertThat(before.get("completion_receipt").isNull()).isTrue();
		assertThat(entry(before, index.name()).get("state").stringValue()).isEqualTo("waiting");
		assertThat(this.api.get(route, newOrg().key()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/samples/deletions/" + UUID.randomUUID(), org.key()).status()).isEqualTo(404);

		UUID job = UUID.randomUUID();
		PurgeEvents.publish(PurgeEvents.job(org.id(), job, "samples", batch, "running", 1).setStartedAt(Instant.now()));
		PurgeEvents.publish(PurgeEvents.completed(org.id(), job, "samples", batch, 2));
		await().atMost(WAIT)
			.until(() -> "purged".equals(this.api.get(route, org.key()).json().get("state").stringValue()));
		assertThat(ack(index, batch, "samples", "deleted").status()).isEqualTo(200);

		JsonNode after = this.api.get(route, org.key()).json();
		assertThat(after.get("job").get("id").stringValue()).isEqualTo(job.toString());
		assertThat(after.get("receipt").get("key_id").stringValue()).isEqualTo("test-1");
		assertThat(entry(after, index.name()).get("state").stringValue()).isEqualTo("acknowledged");
		String jws = after.get("completion_receipt").get("jws").stringValue();
		assertThat(ReceiptJwks.verifies(jws, this.api.get("/.well-known/jwks.json", null).body())).isTrue();
		assertThat(payload(jws)).contains("\"root_type\":\"samples\"", "\"root_id\":\"" + batch + "\"", index.name());
	}

	private Consumer register(String name, String deadline, boolean required) {
		return register(name, List.of("dataset", "samples"), deadline, required);
	}

	private Consumer register(String name, List<String> rootTypes, String deadline, boolean required) {
		if (this.operator == null) {
			this.operator = operatorKey(newOrg());
		}
		Api.Response answer = this.api.post("/api/v1/admin/consumers", this.operator,
				Map.of("name", name, "root_types", rootTypes, "ack_deadline", deadline, "required", required));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		String id = answer.json().get("consumer").get("id").stringValue();
		this.registered.add(id);
		return new Consumer(id, name, answer.json().get("key").get("key").stringValue());
	}

	private UUID deletedDataset(TestOrg org) {
		String dataset = dataset(org, "downstream_" + shortId());
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key()).status()).isEqualTo(200);
		return UUID.fromString(dataset);
	}

	/** A deleted dataset whose purge began and ended, as the ledger learns it. */
	private UUID purgedDataset(TestOrg org) {
		UUID dataset = deletedDataset(org);
		UUID job = UUID.randomUUID();
		PurgeEvents.publish(running(org, job, dataset, Instant.now()));
		PurgeEvents.publish(PurgeEvents.completed(org.id(), job, "dataset", dataset, 2));
		await().atMost(WAIT)
			.until(() -> this.jdbc
				.sql("select purge_completed_at is not null from catalog.deletion_ledger where root_id = :id")
				.param("id", dataset)
				.query(Boolean.class)
				.single());
		return dataset;
	}

	/** Both calls at once, released together; their answers in order. */
	private static List<Api.Response> together(Callable<Api.Response> one, Callable<Api.Response> two)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (Callable<Api.Response> call : List.of(one, two)) {
				answers.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Api.Response> done = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				done.add(answer.get(30, TimeUnit.SECONDS));
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private JsonNode verify(TestOrg org, String jws) {
		Api.Response answer = this.api.post("/api/v1/receipts/verify", org.key(), Map.of("jws", jws));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private static String payload(String jws) {
		return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private long completionReceipts(UUID root) {
		return this.jdbc.sql("""
				select count(*) from catalog.completion_receipts r
				  join catalog.deletion_ledger l on l.deletion_id = r.deletion_id where l.root_id = :id
				""").param("id", root).query(Long.class).single();
	}

	private static JsonNode entry(JsonNode status, String consumer) {
		for (JsonNode entry : status.get("downstream")) {
			if (entry.get("consumer").stringValue().equals(consumer)) {
				return entry;
			}
		}
		throw new AssertionError(consumer + " is not in " + status);
	}

	private static io.lethe.events.PurgeJobUpdated.Builder running(TestOrg org, UUID job, UUID dataset,
			Instant started) {
		return PurgeEvents.job(org.id(), job, "dataset", dataset, "running", 1)
			.setStep("objects")
			.setAttempts(1)
			.setStartedAt(started);
	}

	private Api.Response ack(Consumer consumer, UUID root, String outcome) {
		return ack(consumer, root, "dataset", outcome);
	}

	private Api.Response ack(Consumer consumer, UUID root, String rootType, String outcome) {
		return this.api.post(ackPath(rootType, root), consumer.key(), Map.of("outcome", outcome));
	}

	private static String ackPath(String rootType, UUID root) {
		return "/api/v1/deletions/" + rootType + "/" + root + "/acks";
	}

	private static synchronized void sendAck(String consumer, String rootType, UUID root, String outcome) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		DeletionAcknowledged ack = DeletionAcknowledged.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setConsumer(consumer)
			.setRootType(rootType)
			.setRootId(root.toString())
			.setOutcome(outcome)
			.setItemsDeleted(3L)
			.build();
		try {
			producer
				.send(new ProducerRecord<>(Topics.DELETION_ACKS, root.toString(),
						new EventSerializer().serialize(Topics.DELETION_ACKS, ack)))
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + Topics.DELETION_ACKS, ex);
		}
	}

	private JsonNode status(TestOrg org, UUID dataset) {
		return this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json();
	}

	private JsonNode downstream(TestOrg org, UUID dataset, String consumer) {
		for (JsonNode entry : status(org, dataset).get("downstream")) {
			if (entry.get("consumer").stringValue().equals(consumer)) {
				return entry;
			}
		}
		throw new AssertionError(consumer + " is not in the downstream of " + dataset);
	}

	private List<JsonNode> overdue(UUID dataset) {
		List<JsonNode> entries = new ArrayList<>();
		this.api.get("/api/v1/admin/deletions/overdue?limit=100", this.operator).json().get("data").forEach((entry) -> {
			if (entry.get("root_id").stringValue().equals(dataset.toString())) {
				entries.add(entry);
			}
		});
		return entries;
	}

	private long outbox(UUID root, String type) {
		return this.jdbc.sql("select count(*) from catalog.outbox where aggregate_id = :id and event_type = :type")
			.param("id", root)
			.param("type", type)
			.query(Long.class)
			.single();
	}

	private DeletionCompleted completion(UUID root) {
		byte[] payload = this.jdbc
			.sql("select payload from catalog.outbox where aggregate_id = :id and event_type = 'DeletionCompleted'")
			.param("id", root)
			.query(byte[].class)
			.single();
		return (DeletionCompleted) this.codec.decode(payload);
	}

	/** A Prometheus sample's value, summed over its series that carry {@code label}. */
	private double metric(String name, String label) {
		String metrics = this.management.get("/actuator/prometheus", null).body();
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		double sum = 0;
		while (line.find()) {
			if (label == null || (line.group(1) != null && line.group(1).contains("\"" + label + "\""))) {
				sum += Double.parseDouble(line.group(2));
			}
		}
		return sum;
	}

	private static String problem(Api.Response answer) {
		String type = answer.json().get("type").stringValue();
		return answer.status() + " " + type.substring(type.lastIndexOf(':') + 1);
	}

	private static String shortId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private record Consumer(String id, String name, String key) {
	}

}
