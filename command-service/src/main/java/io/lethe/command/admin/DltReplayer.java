package io.lethe.command.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.Topics;
import io.lethe.events.codec.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-publishes dead-lettered deletion records to {@code lethe.deletions} once what made
 * them fail is fixed. It reads the DLT as consumer group {@code lethe-dlt-replay}, so
 * each record is replayed once: a dry run lists what would be replayed and moves nothing;
 * a real run sends the original bytes and key, waits for the broker's acknowledgement,
 * then commits its position.
 */
@Component
public class DltReplayer {

	private static final String GROUP = "lethe-dlt-replay";

	private final KafkaProperties kafkaProperties;

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventCodec codec;

	DltReplayer(KafkaProperties kafkaProperties, KafkaTemplate<String, byte[]> kafka, EventCodec codec) {
		this.kafkaProperties = kafkaProperties;
		this.kafka = kafka;
		this.codec = codec;
	}

	/** One dead letter: where it sits, its key, what it is, and why it failed. */
	@tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record DeadLetter(int partition, long offset, String key, String eventType, String reason) {
	}

	synchronized List<DeadLetter> replay(boolean dryRun, int limit) {
		// the service's own settings (broker, login), then this reader's
		Map<String, Object> config = this.kafkaProperties.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(limit, 500));
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.DELETIONS_DLT)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
			int emptyPolls = 0;
			while (letters.size() < limit && emptyPolls < 3) {
				var records = consumer.poll(Duration.ofMillis(500));
				emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
				for (ConsumerRecord<byte[], byte[]> record : records) {
					if (letters.size() >= limit) {
						break;
					}
					letters.add(describe(record));
					if (!dryRun) {
						send(record);
					}
					next.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
				}
			}
			if (!dryRun && !next.isEmpty()) {
				consumer.commitSync(next);
			}
		}
		return letters;
	}

	private void send(ConsumerRecord<byte[], byte[]> record) {
		String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
		try {
			this.kafka.send(new ProducerRecord<>(Topics.DELETIONS, key, record.value())).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying the DLT", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge a replayed record: " + ex.getMessage(), ex);
		}
	}

	private DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		String type;
		try {
			type = (record.value() != null) ? this.codec.decode(record.value()).getSchema().getName() : "empty";
		}
		catch (UndecodableEventException ex) {
			type = "undecodable";
		}
		return new DeadLetter(record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null, type, reason(record));
	}

	private static String reason(ConsumerRecord<byte[], byte[]> record) {
		for (String name : List.of("lethe-dlt-reason", "kafka_dlt-exception-message")) {
			Header header = record.headers().lastHeader(name);
			if (header != null) {
				return new String(header.value(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
