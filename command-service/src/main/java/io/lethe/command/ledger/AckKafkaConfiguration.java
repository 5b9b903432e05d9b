package io.lethe.command.ledger;

import java.time.Duration;
import java.util.Map;

import io.lethe.stores.retry.RetryPolicy;
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
 * The consumer of {@code lethe.deletion-acks} (group {@value #GROUP}, from the earliest
 * offset, so that acks sent before the service first ran are read). A database failure
 * that passes is waited out; any other failure is tried three times, logged and skipped:
 * a consumer that sees no change in its deletion's status can send its ack again.
 */
@Configuration(proxyBeanMethods = false)
class AckKafkaConfiguration {

	static final String GROUP = "lethe-command-acks";

	static final String FACTORY = "deletionAcksListenerFactory";

	private static final Logger logger = LoggerFactory.getLogger(AckKafkaConfiguration.class);

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> deletionAcksListenerFactory(KafkaProperties kafka) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()));
		DefaultErrorHandler handler = new DefaultErrorHandler(
				(record, ex) -> logger.error("Ack at {}-{}@{} skipped after failing: {}", record.topic(),
						record.partition(), record.offset(), ex.getMessage()),
				new FixedBackOff(200, 2));
		BackOff whileTransient = RetryPolicy.unbounded(Duration.ofMillis(500), Duration.ofSeconds(10)).toBackOff();
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? whileTransient : null);
		handler.setResetStateOnExceptionChange(true);
		factory.setCommonErrorHandler(handler);
		return factory;
	}

}
