package io.lethe.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.DeletionAcknowledged;
import io.lethe.events.PurgeStarted;
import io.lethe.events.codec.AvroSingleObjectCodec;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventDeserializer;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The library in a Spring Boot application, as a team uses it: a handler bean and a few
 * properties, on the real broker and PostgreSQL. Events are published to
 * {@code lethe.deletions} as Lethe's outbox publishes them (its codec, keyed by the
 * root); acknowledgements are read back from {@code lethe.deletion-acks}.
 */
@SpringBootTest(classes = ConsumerIntegrationTests.TeamApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsumerIntegrationTests {

	private static final TestPostgres POSTGRES = TestInfrastructure.postgres();

	private static final String BOOTSTRAP = TestInfrastructure.kafka().bootstrapServers();

	private static final EventCodec CODEC = new AvroSingleObjectCodec();

	private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new ByteArraySerializer());

	@Autowired
	private RecordingHandler handler;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP);
		registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
		registry.add("spring.datasource.username", POSTGRES::username);
		registry.add("spring.datasource.password", POSTGRES::password);
		registry.add("lethe.consumer.name", () -> "search_index");
		registry.add("lethe.consumer.root-types", () -> "dataset,asset");
		registry.add("lethe.consumer.ack.mode", () -> "kafka");
		registry.add("lethe.consumer.retry.attempts", () -> "3");
		registry.add("lethe.consumer.retry.initial-backoff", () -> "100ms");
		registry.add("lethe.consumer.retry.max-backoff", () -> "200ms");
	}

	@AfterAll
	static void closeProducer() {
		PRODUCER.close(Duration.ofSeconds(5));
	}

	@Test
	void aRedeliveredPurgeStartedErasesOnceAndIsAcknowledgedEachTime() {
		UUID dataset = UUID.randomUUID();
		PurgeStarted started = purgeStarted("dataset", dataset);

		publish(dataset, CODEC.encode(started));
		publish(dataset, CODEC.encode(started));

		List<DeletionAcknowledged> acks = acks(dataset, 2);
		assertThat(acks).hasSize(2).allSatisfy((ack) -> {
			assertThat(ack.getConsumer()).isEqualTo("search_index");
			assertThat(ack.getRootType()).isEqualTo("dataset");
			assertThat(ack.getDeletionEventId()).isEqualTo(started.getDeletionEventId());
			assertThat(ack.getOutcome()).isEqualTo("deleted");
			assertThat(ack.getItemsDeleted()).isEqualTo(3L);
		});
		assertThat(this.handler.erasures).containsEntry(dataset, 1);
		assertThat(this.jdbc.queryForObject(
				"select outcome from lethe_consumer_processed where consumer = 'search_index' and event_id = ?",
				String.class, started.getEventId()))
			.isEqualTo("deleted");
	}

	@Test
	void aHandlerThatKeepsFailingIsRetriedThenAcknowledgedFailedAndDeadLettered() {
		UUID dataset = UUID.randomUUID();
		this.handler.failing.add(dataset);
		PurgeStarted started = purgeStarted("dataset", dataset);

		publish(dataset, CODEC.encode(started));

		List<DeletionAcknowledged> acks = acks(dataset, 1);
		assertThat(acks).singleElement().satisfies((ack) -> {
			assertThat(ack.getOutcome()).isEqualTo("failed");
			assertThat(ack.getDetail()).contains("the cache is read-only");
			assertThat(ack.getItemsDeleted()).isNull();
		});
		assertThat(this.handler.erasures).containsEntry(dataset, 3);
		List<ConsumerRecord<String, SpecificRecord>> deadLetters = read("lethe.deletions.consumer.search_index.DLT",
				dataset, 1, Duration.ofSeconds(15));
		assertThat(deadLetters).singleElement()
			.satisfies((record) -> assertThat(record.value()).isInstanceOf(PurgeStarted.class));
	}

	@Test
	void undecodableRecordsOtherEventsAndRootsItDoesNotHoldAreSkippedWithoutBlocking() {
		UUID dataset = UUID.randomUUID();
		UUID samples = UUID.randomUUID();
		publish(dataset, new byte[] { 1, 2, 3 });
		publish(dataset,
				CODEC.encode(DeletionAcknowledged.newBuilder()
					.setEventId(UUID.randomUUID().toString())
					.setConsumer("someone")
					.setRootType("dataset")
					.setRootId(dataset.toString())
					.setOutcome("deleted")
					.build()));
		publish(dataset, CODEC.encode(purgeStarted("samples", samples)));
		publish(dataset, CODEC.encode(purgeStarted("dataset", dataset)));

		assertThat(acks(dataset, 1)).singleElement()
			.satisfies((ack) -> assertThat(ack.getOutcome()).isEqualTo("deleted"));
		assertThat(this.handler.erasures).containsEntry(dataset, 1).doesNotContainKey(samples);
		assertThat(acks(samples, 1, Duration.ofMillis(500))).isEmpty();
	}

	@Test
	void aDeletionHidesTheDatasetAndARestoreShowsItAgain() {
		UUID dataset = UUID.randomUUID();
		UUID org = UUID.randomUUID();
		publish(dataset,
				CODEC.encode(DatasetDeletionRequested.newBuilder()
					.setEventId(UUID.randomUUID().toString())
					.setOrgId(org.toString())
					.setOccurredAt(Instant.now())
					.setDatasetId(dataset.toString())
					.setRequestedBy("test")
					.setExpiresAt(Instant.now().plusSeconds(3600))
					.build()));
		publish(dataset,
				CODEC.encode(DatasetRestored.newBuilder()
					.setEventId(UUID.randomUUID().toString())
					.setOrgId(org.toString())
					.setOccurredAt(Instant.now())
					.setDatasetId(dataset.toString())
					.setRestoredBy("test")
					.build()));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.handler.visibility).containsSubsequence("hide dataset " + dataset,
					"show dataset " + dataset));
		assertThat(this.handler.erasures).doesNotContainKey(dataset);
	}

	private static PurgeStarted purgeStarted(String rootType, UUID root) {
		return PurgeStarted.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setRootType(rootType)
			.setRootId(root.toString())
			.setDeletionEventId(UUID.randomUUID().toString())
			.setJobId(UUID.randomUUID().toString())
			.build();
	}

	private static void publish(UUID key, byte[] value) {
		try {
			PRODUCER.send(new ProducerRecord<>(Topics.DELETIONS, key.toString(), value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<DeletionAcknowledged> acks(UUID root, int count) {
		return acks(root, count, Duration.ofSeconds(15));
	}

	private static List<DeletionAcknowledged> acks(UUID root, int count, Duration timeout) {
		return read(Topics.DELETION_ACKS, root, count, timeout).stream()
			.map((record) -> (DeletionAcknowledged) record.value())
			.toList();
	}

	/**
	 * The records of a topic keyed by {@code key}, read from the beginning by a consumer
	 * without a group (assigned every partition), which starts reading at once.
	 */
	private static List<ConsumerRecord<String, SpecificRecord>> read(String topic, UUID key, int count,
			Duration timeout) {
		List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP), new StringDeserializer(),
				new EventDeserializer())) {
			consumer.assign(consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList());
			consumer.seekToBeginning(consumer.assignment());
			Instant deadline = Instant.now().plus(timeout);
			while (found.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(100)).forEach((record) -> {
					if (key.toString().equals(record.key())) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

	/** A downstream team's application: its handler, nothing else of the library's. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TeamApplication {

		@Bean
		RecordingHandler handler() {
			return new RecordingHandler();
		}

	}

}
