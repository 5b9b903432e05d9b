package io.lethe.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack behind {@code make run}: checks that PostgreSQL answers with pgvector
 * available, starts a single-node KRaft Kafka broker in this process and the S3 server as
 * a child process (data under {@code $LETHE_HOME}, default {@code .lethe/}), creates
 * Lethe's topics and its versioned bucket, writes {@code $LETHE_HOME/devstack.env} and
 * runs until stopped. The broker is PLAINTEXT on loopback unless
 * {@code LETHE_KAFKA_SECURITY=sasl}: then it authenticates with SASL/SCRAM and authorizes
 * with {@link KafkaAccess}'s ACLs, and {@code devstack.env} holds each user's password.
 */
public final class DevStack {

	private DevStack() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run();
		}
		catch (Exception ex) {
			// The broker's threads would keep a failed start-up alive; a launcher must
			// fail loudly and exit.
			System.err.println("devstack failed to start: " + ex);
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static void run() throws Exception {
		Path home = Path.of(env("LETHE_HOME", ".lethe")).toAbsolutePath();
		int kafkaPort = Integer.parseInt(env("LETHE_KAFKA_PORT", "9092"));
		int s3Port = Integer.parseInt(env("LETHE_S3_PORT", "9090"));
		String bucket = env("LETHE_S3_BUCKET", "lethe");
		String dbUrl = env("LETHE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/lethe");

		checkPostgres(dbUrl, env("LETHE_DB_USER", "postgres"), env("LETHE_DB_PASSWORD", ""));

		boolean sasl = "sasl".equalsIgnoreCase(env("LETHE_KAFKA_SECURITY", "plaintext"));
		KafkaKraftBroker kafka;
		KafkaUsers users = null;
		if (sasl) {
			// a directory of its own: the admin's credential is written when it is
			// formatted
			Path dir = home.resolve("kafka-sasl");
			users = KafkaUserFile.load(dir.resolve("users.properties"));
			kafka = KafkaKraftBroker.startSecured(dir, kafkaPort, users.admin());
			KafkaAccess.setUp(kafka, users);
		}
		else {
			kafka = KafkaKraftBroker.start(home.resolve("kafka"), kafkaPort);
			kafka.ensureTopics(KafkaAccess.TOPICS);
		}
		S3MockServer s3 = S3MockServer.start(home.resolve("s3"), s3Port);
		S3Buckets.ensureVersioned(s3.endpoint(), "lethe", "lethe-secret", bucket);

		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			s3.close();
			kafka.close();
			stopped.countDown();
		}, "devstack-shutdown"));

		List<String> lines = new ArrayList<>(List.of("LETHE_KAFKA_BOOTSTRAP=" + kafka.bootstrapServers(),
				"LETHE_S3_ENDPOINT=" + s3.endpoint(), "LETHE_S3_BUCKET=" + bucket));
		if (users != null) {
			lines.addAll(List.of("LETHE_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
					"LETHE_KAFKA_COMMAND_PASSWORD=" + users.command(), "LETHE_KAFKA_WORKER_PASSWORD=" + users.worker(),
					"LETHE_KAFKA_CONSUMER_PASSWORD=" + users.consumer()));
		}
		writePrivate(home.resolve("devstack.env"), String.join("\n", lines) + "\n");
		System.out.println("devstack ready: Kafka " + kafka.bootstrapServers()
				+ (sasl ? " (SASL/SCRAM with ACLs)" : " (PLAINTEXT)") + ", S3 " + s3.endpoint() + " (bucket " + bucket
				+ "), data in " + home);
		stopped.await();
	}

	/** Writes a file that may hold passwords, readable by its owner alone. */
	static void writePrivate(Path file, String content) throws IOException {
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	/** Fails start-up with a clear message when PostgreSQL or pgvector is missing. */
	static void checkPostgres(String url, String user, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				ResultSet rs = connection.createStatement()
					.executeQuery("select count(*) from pg_available_extensions where name = 'vector'")) {
			rs.next();
			if (rs.getInt(1) == 0) {
				throw new IllegalStateException(
						"pgvector is not installed in the PostgreSQL at " + url + "; run scripts/ensure-pgvector.sh");
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
