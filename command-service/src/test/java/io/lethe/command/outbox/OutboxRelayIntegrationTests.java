package io.lethe.command.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.devstack.KafkaKraftBroker;
import io.lethe.devstack.Ports;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.KafkaEvents;
import io.lethe.testkit.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay: order per root, two instances side by side, and a broker outage while
 * commands commit.
 */
class OutboxRelayIntegrationTests extends CommandServiceIntegrationTest {

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	OutboxMetrics metrics;

	@Test
	void eventsOfOneRootArriveInTheOrderTheirCommandsCommitted() {
		TestOrg org = newOrg();
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "flip_flop"))
			.json()
			.get("id")
			.stringValue();
		for (int i = 0; i < 3; i++) {
			this.api.delete("/api/v1/datasets/" + dataset, org.key());
			this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null);
		}

		List<ConsumerRecord<String, SpecificRecord>> events = KafkaEvents.await(
				TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS, (r) -> dataset.equals(r.key()), 6,
				Duration.ofSeconds(20));

		assertThat(events).extracting((r) -> r.value().getSchema().getName())
			.containsExactly("DatasetDeletionRequested", "DatasetRestored", "DatasetDeletionRequested",
					"DatasetRestored", "DatasetDeletionRequested", "DatasetRestored");
		assertThat(events).extracting(ConsumerRecord::partition).containsOnly(events.get(0).partition());
	}

	@Test
	void twoRelaysSideBySidePublishEveryEventOnceAndInOrder() throws Exception {
		this.relay.stop();
		try {
			TestOrg org = newOrg();
			List<String> datasets = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "pair_" + i))
					.json()
					.get("id")
					.stringValue();
				this.api.delete("/api/v1/datasets/" + dataset, org.key());
				this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null);
				datasets.add(dataset);
			}
			OutboxRelay second = new OutboxRelay(this.jdbc, this.dataSource, this.transactions,
					template(TestInfrastructure.kafka().bootstrapServers()), this.metrics, 7, Duration.ofMillis(100),
					Duration.ofSeconds(10));
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Integer>> runs = new ArrayList<>();
			for (OutboxRelay instance : List.of(this.relay, second)) {
				Callable<Integer> drain = () -> {
					int total = 0;
					for (int round = 0; round < 200 && unpublished(datasets) > 0; round++) {
						total += instance.publishBatch();
					}
					return total;
				};
				runs.add(pool.submit(drain));
			}
			for (Future<Integer> run : runs) {
				run.get();
			}
			pool.shutdown();

			assertThat(unpublished(datasets)).isZero();
			List<ConsumerRecord<String, SpecificRecord>> events = KafkaEvents.await(
					TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS, (r) -> datasets.contains(r.key()),
					80, Duration.ofSeconds(20));
			assertThat(events).hasSize(80);
			assertThat(events).extracting((r) -> new String(r.headers().lastHeader("lethe-event-id").value()))
				.doesNotHaveDuplicates();
			sequencesByRoot(events).values()
				.forEach((sequence) -> assertThat(sequence).containsExactly("DatasetDeletionRequested",
						"DatasetRestored"));
		}
		finally {
			this.relay.start();
		}
	}

	@Test
	void everyEventCommittedDuringABrokerOutageArrivesAfterItInOrder() throws Exception {
		Path dir = Files.createTempDirectory("lethe-outage-broker");
		int port = Ports.freeWithNext();
		KafkaKraftBroker broker = KafkaKraftBroker.start(dir, port);
		broker.ensureTopics(Map.of(Topics.DELETIONS, Topics.DELETIONS_PARTITIONS));
		// Stopped only once the test's own broker runs, and started again whatever
		// happens: the other tests of this context need the shared relay.
		this.relay.stop();
		OutboxRelay isolated = new OutboxRelay(this.jdbc, this.dataSource, this.transactions,
				template(broker.bootstrapServers()), this.metrics, 50, Duration.ofMillis(100), Duration.ofSeconds(5));
		KafkaKraftBroker restarted = null;
		try {
			isolated.start();
			TestOrg org = newOrg();
			List<String> before = commandsFor(org, "before", 3);
			awaitPublished(before);

			broker.close();
			List<String> during = commandsFor(org, "during", 5);
			assertThat(unpublished(during)).isEqualTo(10);

			restarted = KafkaKraftBroker.start(dir, port);
			awaitPublished(during);

			List<ConsumerRecord<String, SpecificRecord>> events = KafkaEvents.await(restarted.bootstrapServers(),
					Topics.DELETIONS, (r) -> during.contains(r.key()), 10, Duration.ofSeconds(30));
			Map<String, List<String>> sequences = sequencesByRoot(events);
			assertThat(sequences).hasSize(5);
			sequences.values()
				.forEach((sequence) -> assertThat(sequence).startsWith("DatasetDeletionRequested", "DatasetRestored"));
		}
		finally {
			isolated.stop();
			if (restarted != null) {
				restarted.close();
			}
			this.relay.start();
		}
	}

	private List<String> commandsFor(TestOrg org, String prefix, int count) {
		List<String> datasets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", prefix + "_" + i))
				.json()
				.get("id")
				.stringValue();
			assertThat(this.api.delete("/api/v1/datasets/" + dataset, org.key()).status()).isEqualTo(200);
			assertThat(this.api.post("/api/v1/datasets/" + dataset + "/restore", org.key(), null).status())
				.isEqualTo(200);
			datasets.add(dataset);
		}
		return datasets;
	}

	private void awaitPublished(List<String> datasets) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(unpublished(datasets)).isZero());
	}

	private long unpublished(List<String> datasets) {
		return this.jdbc
			.sql("select count(*) from catalog.outbox where published_at is null and aggregate_id = any(:ids)")
			.param("ids", datasets.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private static Map<String, List<String>> sequencesByRoot(List<ConsumerRecord<String, SpecificRecord>> events) {
		Map<String, List<String>> sequences = new LinkedHashMap<>();
		events.forEach((r) -> sequences.computeIfAbsent(r.key(), (k) -> new ArrayList<>())
			.add(r.value().getSchema().getName()));
		return sequences;
	}

	private static KafkaTemplate<String, byte[]> template(String bootstrap) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000, ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
	}

}
