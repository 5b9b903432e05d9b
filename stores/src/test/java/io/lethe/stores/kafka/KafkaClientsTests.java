package io.lethe.stores.kafka;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(KafkaClients.class);

	@Test
	void aServiceToldToLogInWithoutItsPasswordDoesNotStart() {
		this.context
			.withPropertyValues("lethe.kafka.security-protocol=SASL_PLAINTEXT",
					"lethe.kafka.sasl-mechanism=SCRAM-SHA-512", "lethe.kafka.username=lethe-worker")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("LETHE_KAFKA_PASSWORD is not set"));
	}

	@Test
	void aServiceWithItsLoginStarts() {
		this.context
			.withPropertyValues("lethe.kafka.security-protocol=SASL_PLAINTEXT",
					"lethe.kafka.sasl-mechanism=SCRAM-SHA-512", "lethe.kafka.username=lethe-worker",
					"lethe.kafka.password=0123456789abcdef")
			.run((started) -> assertThat(started).getBean(KafkaSecurity.class)
				.extracting(KafkaSecurity::authenticated)
				.isEqualTo(true));
	}

	@Test
	void withoutSettingsTheServiceUsesPlaintext() {
		this.context.run((started) -> assertThat(started).getBean(KafkaSecurity.class)
			.extracting(KafkaSecurity::securityProtocol)
			.isEqualTo("PLAINTEXT"));
	}

}
