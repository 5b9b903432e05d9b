package io.lethe.command.purgestatus;

import java.util.Map;

import io.lethe.stores.retry.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code lethe.purge-events}, on the broker the outbox relay publishes
 * to. Values arrive as bytes and are decoded by the listener, so that an undecodable
 * record is logged and skipped there and never stops the partition. A failure that passes
 * (see {@link TransientFailures}) is retried with back-off for as long as it lasts; a
 * snapshot that fails otherwise is tried three times, logged and skipped, since a later
 * snapshot of the same job carries its whole state again.
 */
@Configuration(proxyBeanMethods = false)
class PurgeStatusConfiguration {

	static final String GROUP = "lethe-command-service";

	static final String FACTORY = "purgeStatusListenerFactory";

	private static final Logger logger = LoggerFactory.getLogger(PurgeStatusConfiguration.class);

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> purgeStatusListenerFactory(KafkaProperties kafka,
			PurgeStatusProperties properties) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
		// a new group reads every snapshot still on the topic, so the copy starts whole
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()));
		factory.setCommonErrorHandler(errorHandler(properties));
		return factory;
	}

	private static DefaultErrorHandler errorHandler(PurgeStatusProperties properties) {
		DefaultErrorHandler handler = new DefaultErrorHandler(
				(record, ex) -> logger.error("Purge event at {}-{}@{} skipped after failing: {}", record.topic(),
						record.partition(), record.offset(), ex.getMessage()),
				new FixedBackOff(200, 2));
		BackOff whileTransient = properties.whileTransient().toBackOff();
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? whileTransient : null);
		handler.setResetStateOnExceptionChange(true);
		return handler;
	}

}
