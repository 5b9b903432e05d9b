package io.lethe.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.lethe.devstack.KafkaAccess;
import io.lethe.events.codec.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may write and read Lethe's topics on the broker the system runs on
 * ({@link SecuredKafka}, the ACLs of {@link KafkaAccess}): only the command service may
 * produce deletion events, downstream consumers read them and write nothing. The refused
 * producers are not idempotent, so that all they need is the topic's WRITE: what refuses
 * them is the topic's ACL.
 */
class KafkaAccessSystemTests {

	private static final String KEY = "kafka-access-system-test";

	private final SecuredKafka kafka = SecuredKafka.get();

	@Test
	void aProducerWithoutCredentialsNeverGetsIn() {
		Map<String, Object> plaintext = new HashMap<>(Map.of("bootstrap.servers", this.kafka.bootstrapServers()));

		assertThat(sendFailure(plaintext, Topics.DELETIONS)).isInstanceOf(TimeoutException.class);
	}

	@Test
	void aProducerWithAnUnknownLoginIsRefusedAtAuthentication() {
		Map<String, Object> stranger = this.kafka.broker.clientConfig("lethe-command", "not-the-password-at-all");

		assertThat(sendFailure(stranger, Topics.DELETIONS)).isInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void theWorkerCannotWriteDeletionEvents() {
		assertThat(sendFailure(this.kafka.clientConfig(KafkaAccess.WORKER), Topics.DELETIONS))
			.isInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void aDownstreamConsumerCannotWriteDeletionEventsNorPurgeEvents() {
		Map<String, Object> consumer = this.kafka.clientConfig(KafkaAccess.CONSUMER);

		assertThat(sendFailure(consumer, Topics.DELETIONS)).isInstanceOf(TopicAuthorizationException.class);
		assertThat(sendFailure(consumer, Topics.PURGE_EVENTS)).isInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void theCommandServiceWritesDeletionEventsThatADownstreamConsumerReads() throws Exception {
		RecordMetadata written;
		// a tombstone: the worker, if it runs, skips a record without a value
		try (KafkaProducer<String, String> producer = producer(this.kafka.clientConfig(KafkaAccess.COMMAND))) {
			written = producer.send(new ProducerRecord<>(Topics.DELETIONS, KEY, null)).get(10, TimeUnit.SECONDS);
		}

		Map<String, Object> config = this.kafka.clientConfig(KafkaAccess.CONSUMER);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaAccess.CONSUMER + "-search-index");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(Topics.DELETIONS, written.partition());
			consumer.assign(List.of(partition));
			consumer.seek(partition, written.offset());
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> keys.add(r.key()));
				return !keys.isEmpty();
			});
			assertThat(keys.get(0)).isEqualTo(KEY);
			// its position is its own group's to keep
			consumer.commitSync(Duration.ofSeconds(10));
		}
	}

	/** How sending one record to {@code topic} fails; it must fail. */
	private static Throwable sendFailure(Map<String, Object> config, String topic) {
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		try (KafkaProducer<String, String> producer = producer(config)) {
			producer.send(new ProducerRecord<>(topic, KEY, null)).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (Exception ex) {
			// some refusals are thrown by send itself
			return ex;
		}
		throw new AssertionError("The broker accepted the record on " + topic);
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> config) {
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

}
