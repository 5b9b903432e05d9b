package io.lethe.command.outbox;

import java.time.Duration;

import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The event codec, and the pruning of published outbox rows. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

	private final OutboxRelay relay;

	private final Duration retention;

	OutboxConfiguration(OutboxRelay relay, @Value("${lethe.outbox.retention}") Duration retention) {
		this.relay = relay;
		this.retention = retention;
	}

	/**
	 * Avro single-object encoding, or with a schema registry configured the Confluent
	 * wire format through it (README, Events). The outbox stores payloads already
	 * encoded.
	 */
	@Bean
	static EventCodec eventCodec(@Value("${lethe.events.schema-registry.url:}") String registryUrl,
			@Value("${lethe.events.encoding:}") String encoding) {
		return EventCodecs.create(registryUrl, encoding);
	}

	/** Published rows are kept a while for inspection and replay, then pruned. */
	@Scheduled(fixedDelayString = "${lethe.outbox.prune-interval}",
			initialDelayString = "${lethe.outbox.prune-interval}")
	void prune() {
		int pruned = this.relay.prune(this.retention);
		if (pruned > 0) {
			log.info("Pruned {} published outbox rows older than {}", pruned, this.retention);
		}
	}

}
