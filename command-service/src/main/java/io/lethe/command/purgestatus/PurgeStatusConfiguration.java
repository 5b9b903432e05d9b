package io.lethe.command.purgestatus;

import io.lethe.stores.kafka.RetryingListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

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
		// a new group reads every snapshot still on the topic, so the copy starts whole
		return RetryingListeners.factory(kafka, GROUP, properties.whileTransient().toBackOff(), "Purge event", logger);
	}

}
