package io.lethe.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * How a Lethe service is pointed at the test infrastructure: as Spring properties for a
 * service in the test JVM, or as the environment of a service started as its own process
 * from its jar. Every test base and harness uses these, so they all point at the stores
 * the same way.
 */
public final class ServiceSettings {

	/**
	 * The private JWK a worker started from its jar signs receipts with in tests (public
	 * in this repository, so its receipts prove nothing outside them).
	 */
	public static final String RECEIPT_SIGNING_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"system-test-1\","
			+ "\"x\":\"NF0fLOx2DL1ilW7EDQMUUW3YKUb9o_y-DYDLodsbbMc\",\"y\":\"ou7m-czt_z2JXBnEjZ7XX5wiz14N1j1KHFPfJSZZnkI\","
			+ "\"d\":\"IVxC5SR3-BFWd4QjLJyUBceH9A_SobYuVDeVt-roauY\"}";

	/**
	 * The private JWK the command service signs completion receipts with in tests (public
	 * in this repository, so its receipts prove nothing outside them).
	 */
	public static final String COMPLETION_SIGNING_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"test-completion-1\","
			+ "\"x\":\"nyMMPh9ICEU74w4kHjKvbjIkwYPRSl7CNoFheZdPeLA\",\"y\":\"1XhT1SgQjuvW9vZTwyhxBk2fYHUpT9MmxbBkPzttink\","
			+ "\"d\":\"lJnkRJFaZIDniJLH39SbMqC2SbuYzYBzkSHnbDC00sU\"}";

	private ServiceSettings() {
	}

	/**
	 * Adds the datasource, Kafka and object-store properties; {@code add} is a
	 * {@code DynamicPropertyRegistry::add}.
	 */
	public static void springProperties(TestPostgres postgres, BiConsumer<String, Supplier<Object>> add) {
		add.accept("spring.datasource.url", postgres::jdbcUrl);
		add.accept("spring.datasource.username", postgres::username);
		add.accept("spring.datasource.password", postgres::password);
		add.accept("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
		TestS3 s3 = TestInfrastructure.s3();
		add.accept("lethe.object-store.s3.endpoint", () -> s3.endpoint().toString());
		add.accept("lethe.object-store.s3.bucket", s3::bucket);
		add.accept("lethe.object-store.s3.access-key", s3::accessKey);
		add.accept("lethe.object-store.s3.secret-key", s3::secretKey);
	}

	/**
	 * The environment both services need on the given database (set up with
	 * {@link DatabaseRoles}; each service connects as its own role, with the given
	 * password), this JVM's broker and S3 server, signing receipts with
	 * {@link #RECEIPT_SIGNING_KEY} and completion receipts with
	 * {@link #COMPLETION_SIGNING_KEY}, keeping {@code receiptKey} as the HMAC key of
	 * receipts issued before JWS, and looking for due purges every second. The map is the
	 * caller's to add to.
	 */
	public static Map<String, String> environment(String jdbcUrl, String password, String receiptKey) {
		return environment(jdbcUrl, password, receiptKey, TestInfrastructure.kafka());
	}

	/**
	 * {@link #environment(String, String, String)} on another broker; a broker that wants
	 * a login needs the service's {@code LETHE_KAFKA_*} settings added.
	 */
	public static Map<String, String> environment(String jdbcUrl, String password, String receiptKey, TestKafka kafka) {
		TestS3 s3 = TestInfrastructure.s3();
		Map<String, String> env = new HashMap<>();
		env.put("LETHE_JDBC_URL", jdbcUrl);
		env.put("LETHE_COMMAND_DB_USER", DatabaseRoles.COMMAND);
		env.put("LETHE_COMMAND_DB_PASSWORD", password);
		env.put("LETHE_WORKER_DB_USER", DatabaseRoles.WORKER);
		env.put("LETHE_WORKER_DB_PASSWORD", password);
		env.put("LETHE_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
		env.put("LETHE_S3_ENDPOINT", s3.endpoint().toString());
		env.put("LETHE_S3_BUCKET", s3.bucket());
		env.put("LETHE_S3_ACCESS_KEY", s3.accessKey());
		env.put("LETHE_S3_SECRET_KEY", s3.secretKey());
		env.put("LETHE_RECEIPT_SIGNING_KEY", RECEIPT_SIGNING_KEY);
		env.put("LETHE_RECEIPT_KEY", receiptKey);
		env.put("LETHE_COMPLETION_SIGNING_KEY", COMPLETION_SIGNING_KEY);
		env.put("LETHE_PURGE_INTERVAL", "PT1S");
		return env;
	}

}
