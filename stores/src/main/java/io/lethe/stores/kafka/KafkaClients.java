package io.lethe.stores.kafka;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Checks a service's Kafka login settings ({@link KafkaSecurity}) as the context starts,
 * so that a service missing its credentials stops before any client connects, naming the
 * variable.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClients {

	@Bean
	KafkaSecurity kafkaSecurity(Environment environment) {
		return Binder.get(environment)
			.bind("lethe.kafka", KafkaSecurity.class)
			.orElseGet(() -> new KafkaSecurity(null, null, null, null));
	}

}
