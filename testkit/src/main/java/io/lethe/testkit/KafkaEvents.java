package io.lethe.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.lethe.events.codec.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Lethe events off a topic the way a downstream consumer would, for tests to assert
 * on.
 */
public final class KafkaEvents {

	private KafkaEvents() {
	}

	/**
	 * Reads the topic from the beginning until {@code count} records match, or the
	 * timeout passes; returns the matching records in the order the topic holds them (per
	 * partition).
	 */
	public static List<ConsumerRecord<String, SpecificRecord>> await(String bootstrap, String topic,
			Predicate<ConsumerRecord<String, SpecificRecord>> matching, int count, Duration timeout) {
		List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(timeout);
			while (found.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(250)).forEach((record) -> {
					if (matching.test(record)) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

}
