package io.lethe.stores.kafka;

import java.util.Map;

import io.lethe.stores.retry.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listeners that keep a copy of another's events (the command service's purge
 * statuses, its downstream acknowledgements): one way to read them, so that each copy
 * meets failures alike.
 */
public final class RetryingListeners {

	private RetryingListeners() {
	}

	/**
	 * A factory of listeners for raw records in {@code group}: a new group reads every
	 * record still on the topic, offsets are committed by the container; a failure
	 * {@link TransientFailures} calls passing is waited out with {@code whileTransient}
	 * (the partition waits with it), any other is tried three times, logged as
	 * {@code what} and skipped.
	 */
	public static ConcurrentKafkaListenerContainerFactory<String, byte[]> factory(KafkaProperties kafka, String group,
			BackOff whileTransient, String what, Logger logger) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()));
		DefaultErrorHandler handler = new DefaultErrorHandler(
				(record, ex) -> logger.error("{} at {}-{}@{} skipped after failing: {}", what, record.topic(),
						record.partition(), record.offset(), ex.getMessage()),
				new FixedBackOff(200, 2));
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? whileTransient : null);
		handler.setResetStateOnExceptionChange(true);
		factory.setCommonErrorHandler(handler);
		return factory;
	}

}
