package io.lethe.command.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.codec.EventDeserializer;
import io.lethe.events.codec.EventSerializer;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service runs on the real stores, and the project's event adapters round-trip
 * through the real broker.
 */
class InfrastructureIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void anEventRoundTripsThroughTheBrokerWithTheProjectsCodec() throws Exception {
		String bootstrap = TestInfrastructure.kafka().bootstrapServers();
		String datasetId = UUID.randomUUID().toString();
		DatasetDeletionRequested sent = DatasetDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setDatasetId(datasetId)
			.setRequestedBy("key")
			.setExpiresAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.build();
		String topic = "roundtrip-" + UUID.randomUUID();
		try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
		}

		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new EventSerializer())) {
			producer.send(new ProducerRecord<>(topic, datasetId, sent)).get();
		}

		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"roundtrip-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new EventDeserializer())) {
			consumer.subscribe(List.of(topic));
			ConsumerRecord<String, SpecificRecord> received = null;
			Instant deadline = Instant.now().plusSeconds(30);
			while (received == null && Instant.now().isBefore(deadline)) {
				ConsumerRecords<String, SpecificRecord> records = consumer.poll(Duration.ofMillis(500));
				if (!records.isEmpty()) {
					received = records.iterator().next();
				}
			}
			assertThat(received).isNotNull();
			assertThat(received.key()).isEqualTo(datasetId);
			assertThat(received.value()).isEqualTo(sent);
		}
	}

	@Test
	void lethesTopicsExistOnTheBroker() throws Exception {
		try (var admin = org.apache.kafka.clients.admin.Admin
			.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
			assertThat(admin.listTopics().names().get()).contains(Topics.DELETIONS, Topics.PURGE_EVENTS,
					Topics.DELETIONS_DLT);
			assertThat(admin.describeTopics(List.of(Topics.DELETIONS))
				.allTopicNames()
				.get()
				.get(Topics.DELETIONS)
				.partitions()).hasSize(Topics.DELETIONS_PARTITIONS);
		}
	}

	@Test
	void theCatalogLivesInItsOwnSchemaMigratedByFlyway() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'catalog' order by 1")
			.query(String.class)
			.list();

		assertThat(tables).contains("orgs", "api_keys", "datasets", "flyway_schema_history");
		assertThat(this.jdbc.sql("select count(*) from pg_extension where extname = 'vector'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCommandServiceConnectsAsItsOwnRoleWhichCannotReachTheWorkersSchema() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("lethe_command");
		assertThat(this.jdbc.sql("select has_schema_privilege('purge', 'usage')").query(Boolean.class).single())
			.isFalse();
		Throwable refused = org.assertj.core.api.Assertions
			.catchThrowable(() -> this.jdbc.sql("select count(*) from purge.jobs").query(Long.class).single());
		assertThat(refused).hasRootCauseInstanceOf(java.sql.SQLException.class)
			.rootCause()
			.hasMessageContaining("permission denied for schema purge");
	}

	@Test
	void healthIsUpAndTheOpenApiDocumentDescribesTheDatasetApi() {
		Response health = this.management.get("/actuator/health", null);
		Response docs = this.api.get("/v3/api-docs", null);

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
		assertThat(health.json().get("components").propertyNames()).contains("db", "kafka", "objectStore",
				"vectorIndex");
		health.json()
			.get("components")
			.values()
			.forEach((component) -> assertThat(component.get("status").stringValue()).isEqualTo("UP"));
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/datasets")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/datasets/{dataset_id}")).isTrue();
	}

	@Test
	void managementEndpointsAreOnTheirOwnPortAndHealthDetailsNeedTheManagementToken() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/metrics" }) {
			assertThat(this.api.get(path, null).status()).as(path).isEqualTo(404);
			assertThat(this.api.get(path, newOrg().key()).status()).as(path).isEqualTo(404);
			assertThat(this.management.get(path, null).status()).as(path).isEqualTo(200);
		}

		JsonNode anonymous = this.management.get("/actuator/health", null).json();
		assertThat(anonymous.get("components").get("db").get("status").stringValue()).isEqualTo("UP");
		assertThat(anonymous.get("components").get("db").has("details")).isFalse();
		JsonNode wrongToken = this.management
			.send("GET", "/actuator/health", Map.of("Authorization", "Bearer not-the-token"), null)
			.json();
		assertThat(wrongToken.get("components").get("db").has("details")).isFalse();

		JsonNode authorized = this.management
			.send("GET", "/actuator/health", Map.of("Authorization", "Bearer " + MANAGEMENT_TOKEN), null)
			.json();
		assertThat(authorized.get("components").get("db").get("details").get("database").stringValue())
			.isEqualTo("PostgreSQL");
	}

	@Test
	void prometheusShowsTheOutboxBacklogLagAndWhatWasPublished() {
		TestOrg org = newOrg();
		double published = sample(this.management.get("/actuator/prometheus", null).body(),
				"lethe_outbox_published_total");
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "metered"))
			.json()
			.get("id")
			.stringValue();

		this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT1H", org.key());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = this.management.get("/actuator/prometheus", null).body();
			assertThat(sample(metrics, "lethe_outbox_published_total")).isGreaterThanOrEqualTo(published + 1);
			assertThat(sample(metrics, "lethe_outbox_backlog")).isZero();
			assertThat(sample(metrics, "lethe_outbox_lag_seconds")).isZero();
			assertThat(sample(metrics, "lethe_outbox_publish_lag_seconds_count")).isGreaterThanOrEqualTo(1);
		});
	}

	private static double sample(String metrics, String name) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		assertThat(line.find()).as(name + " in " + metrics.length() + " characters of metrics").isTrue();
		return Double.parseDouble(line.group(1));
	}

}
