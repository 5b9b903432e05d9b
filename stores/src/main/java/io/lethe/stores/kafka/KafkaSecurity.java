package io.lethe.stores.kafka;

import java.util.Locale;
import java.util.Set;

/**
 * How a service authenticates to Kafka, from {@code lethe.kafka.*}
 * ({@code LETHE_KAFKA_SECURITY_PROTOCOL}, {@code LETHE_KAFKA_SASL_MECHANISM},
 * {@code LETHE_KAFKA_USERNAME}, {@code LETHE_KAFKA_PASSWORD}). Each service's
 * {@code application.yml} maps them onto {@code spring.kafka.security.protocol} and
 * {@code spring.kafka.properties.sasl.*}, which every Kafka client of the service is
 * built from; this record refuses, at start-up, settings that would only fail later at
 * the broker: a SASL protocol without the service's user or password (neither has a
 * default), a mechanism other than SCRAM, or a password the JAAS line cannot hold.
 */
public record KafkaSecurity(String securityProtocol, String saslMechanism, String username, String password) {

	private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

	private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");

	public KafkaSecurity {
		securityProtocol = (securityProtocol == null || securityProtocol.isBlank()) ? "PLAINTEXT"
				: securityProtocol.trim().toUpperCase(Locale.ROOT);
		if (!PROTOCOLS.contains(securityProtocol)) {
			throw new IllegalStateException("LETHE_KAFKA_SECURITY_PROTOCOL (lethe.kafka.security-protocol) is "
					+ securityProtocol + "; it must be one of " + PROTOCOLS);
		}
		if (securityProtocol.startsWith("SASL_")) {
			if (!MECHANISMS.contains(saslMechanism)) {
				throw new IllegalStateException("LETHE_KAFKA_SASL_MECHANISM (lethe.kafka.sasl-mechanism) is "
						+ saslMechanism + "; Lethe's services log in with SCRAM: one of " + MECHANISMS);
			}
			require(username, "LETHE_KAFKA_USERNAME", "lethe.kafka.username", securityProtocol);
			require(password, "LETHE_KAFKA_PASSWORD", "lethe.kafka.password", securityProtocol);
			if (password.contains("\"") || password.contains("\\")) {
				throw new IllegalStateException(
						"LETHE_KAFKA_PASSWORD (lethe.kafka.password) may not contain \" or \\ (it is quoted in a JAAS line)");
			}
		}
	}

	private static void require(String value, String variable, String property, String protocol) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set (" + property + "): with " + protocol
					+ " the service logs in to Kafka as its own user, and there is no default");
		}
	}

	/** Whether the service logs in to the broker. */
	public boolean authenticated() {
		return this.securityProtocol.startsWith("SASL_");
	}

	@Override
	public String toString() {
		return "KafkaSecurity[" + this.securityProtocol + (authenticated() ? ", " + this.username : "") + "]";
	}

}
