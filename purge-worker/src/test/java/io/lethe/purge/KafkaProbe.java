package io.lethe.purge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.lethe.events.codec.EventDeserializer;
import io.lethe.events.codec.EventSerializer;
import io.lethe.testkit.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/** Sends records to the test broker and reads topics back from the beginning. */
final class KafkaProbe {

	private static KafkaProducer<String, byte[]> producer;

	private static final EventSerializer EVENTS = new EventSerializer();

	private KafkaProbe() {
	}

	static void send(String topic, String key, SpecificRecord event) {
		sendRaw(topic, key, EVENTS.serialize(topic, event));
	}

	static synchronized void sendRaw(String topic, String key, byte[] value) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		try {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	static synchronized void close() {
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
			producer = null;
		}
	}

	/** Waits for Lethe events on {@code topic} that match, and returns all that match. */
	static List<SpecificRecord> awaitEvents(String topic, Predicate<SpecificRecord> matching, int atLeast) {
		return awaitRecords(topic, new EventDeserializer(), (record) -> matching.test(record.value()), atLeast).stream()
			.map(ConsumerRecord::value)
			.toList();
	}

	/** Waits for raw records on {@code topic} that match, and returns all that match. */
	static List<ConsumerRecord<String, byte[]>> awaitRawRecords(String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching, int atLeast) {
		return awaitRecords(topic, new ByteArrayDeserializer(), matching, atLeast);
	}

	/** The raw records on {@code topic} now that match. */
	static List<ConsumerRecord<String, byte[]>> rawRecords(String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching) {
		return readAll(topic, new ByteArrayDeserializer(), matching);
	}

	private static <V> List<ConsumerRecord<String, V>> awaitRecords(String topic, Deserializer<V> values,
			Predicate<ConsumerRecord<String, V>> matching, int atLeast) {
		List<ConsumerRecord<String, V>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			found.clear();
			found.addAll(readAll(topic, values, matching));
			return found.size() >= atLeast;
		});
		return found;
	}

	/** Every record of the topic now, from the beginning of each partition. */
	private static <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values,
			Predicate<ConsumerRecord<String, V>> matching) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"probe-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, V>> records = new ArrayList<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < ends.get(tp))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (matching.test(record)) {
						records.add(record);
					}
				});
			}
		}
		return records;
	}

}
