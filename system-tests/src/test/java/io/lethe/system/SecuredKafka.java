package io.lethe.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.lethe.devstack.KafkaAccess;
import io.lethe.devstack.KafkaKraftBroker;
import io.lethe.devstack.KafkaUsers;
import io.lethe.devstack.Ports;

/**
 * The system tests' Kafka: devstack's KRaft broker with SASL/SCRAM and the
 * {@link KafkaAccess} ACLs, as compose runs it, so every system test shows both services
 * working over authenticated Kafka, each as its own user. Started once per test JVM, on
 * first use, in place of the test infrastructure's PLAINTEXT broker.
 */
final class SecuredKafka {

	private static SecuredKafka instance;

	final KafkaKraftBroker broker;

	final KafkaUsers users;

	private SecuredKafka(KafkaKraftBroker broker, KafkaUsers users) {
		this.broker = broker;
		this.users = users;
	}

	static synchronized SecuredKafka get() {
		if (instance == null) {
			KafkaUsers users = KafkaUsers.generate();
			KafkaKraftBroker broker = KafkaKraftBroker.startSecured(directory(), Ports.freeWithNext(), users.admin());
			KafkaAccess.setUp(broker, users);
			instance = new SecuredKafka(broker, users);
			Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "secured-kafka-stop"));
		}
		return instance;
	}

	String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** What a service needs to log in as {@code user}. */
	Map<String, String> serviceEnvironment(String user) {
		return Map.of("LETHE_KAFKA_BOOTSTRAP", bootstrapServers(), "LETHE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
				"LETHE_KAFKA_USERNAME", user, "LETHE_KAFKA_PASSWORD", this.users.applicationUsers().get(user));
	}

	/** A client's settings as {@code user}, with that user's password. */
	Map<String, Object> clientConfig(String user) {
		return this.broker.clientConfig(user, this.users.applicationUsers().get(user));
	}

	private static Path directory() {
		try {
			return Files.createTempDirectory("lethe-secured-kafka");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
