package io.lethe.command.ledger;

import java.time.Duration;

import io.lethe.stores.kafka.RetryingListeners;
import io.lethe.stores.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

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
		return RetryingListeners.factory(kafka, GROUP,
				RetryPolicy.unbounded(Duration.ofMillis(500), Duration.ofSeconds(10)).toBackOff(), "Ack", logger);
	}

}
