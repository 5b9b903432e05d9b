package io.lethe.stores.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaSecurityTests {

	@Test
	void plaintextNeedsNoCredentials() {
		KafkaSecurity security = new KafkaSecurity(null, "SCRAM-SHA-512", "", "");

		assertThat(security.securityProtocol()).isEqualTo("PLAINTEXT");
		assertThat(security.authenticated()).isFalse();
	}

	@Test
	void saslWithoutAUserRefusesToStartNamingTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new KafkaSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", "", "pw"))
			.withMessageContaining("LETHE_KAFKA_USERNAME is not set");
	}

	@Test
	void saslWithoutAPasswordRefusesToStartNamingTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new KafkaSecurity("sasl_ssl", "SCRAM-SHA-512", "lethe-worker", null))
			.withMessageContaining("LETHE_KAFKA_PASSWORD is not set");
	}

	@Test
	void onlyScramMechanismsAreAccepted() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new KafkaSecurity("SASL_PLAINTEXT", "PLAIN", "lethe-worker", "secret"))
			.withMessageContaining("LETHE_KAFKA_SASL_MECHANISM");
	}

	@Test
	void anUnknownProtocolIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new KafkaSecurity("SASL", null, null, null))
			.withMessageContaining("LETHE_KAFKA_SECURITY_PROTOCOL");
	}

	@Test
	void aPasswordThatWouldBreakTheJaasLineIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new KafkaSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", "lethe-worker", "pass\"word"))
			.withMessageContaining("may not contain");
	}

	@Test
	void saslWithItsUserIsAuthenticatedAndHidesThePassword() {
		KafkaSecurity security = new KafkaSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", "lethe-worker", "s3cret-pw");

		assertThat(security.authenticated()).isTrue();
		assertThat(security.toString()).contains("lethe-worker").doesNotContain("s3cret-pw");
	}

}
