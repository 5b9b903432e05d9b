package io.lethe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.lethe.devstack.S3Buckets;
import io.lethe.devstack.S3MockServer;
import io.lethe.events.codec.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The infrastructure without Docker: the local PostgreSQL, an embedded KRaft broker, the
 * S3Mock process.
 */
final class LocalInfrastructure {

	private static final String DATABASE_PREFIX = "lethe_test_";

	/**
	 * Databases of test JVMs that were killed before they could drop them are dropped
	 * after this long.
	 */
	private static final Duration STALE_AFTER = Duration.ofHours(6);

	private LocalInfrastructure() {
	}

	static TestPostgres postgres() {
		String host = env("LETHE_DB_HOST", "127.0.0.1");
		String port = env("LETHE_DB_PORT", "5432");
		String user = env("LETHE_DB_USER", "postgres");
		String password = env("LETHE_DB_PASSWORD", "");
		String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		String database = DATABASE_PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = admin.createStatement()) {
			dropStaleDatabases(statement);
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + adminUrl + " is not usable for tests (run "
					+ "scripts/ensure-postgres.sh): " + ex.getMessage(), ex);
		}
		String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists vector");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("pgvector is missing in the PostgreSQL at " + host + ":" + port
					+ " (run scripts/ensure-pgvector.sh): " + ex.getMessage(), ex);
		}
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			DatabaseRoles.apply(connection, password);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Lethe's roles and schemas could not be set up in " + database + " as "
					+ user + ": " + ex.getMessage(), ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
					Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop test database " + database + ": " + ex.getMessage());
			}
		}, "drop-" + database));
		return new TestPostgres(url, user, password);
	}

	private static void dropStaleDatabases(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
		try (ResultSet rs = statement
			.executeQuery("select datname from pg_database where datname like '" + DATABASE_PREFIX + "%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.substring(DATABASE_PREFIX.length()).split("_");
				if (parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
						&& Long.parseLong(parts[0]) < cutoff) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("drop database if exists " + name.toLowerCase(Locale.ROOT) + " with (force)");
		}
	}

	static TestKafka kafka() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.DELETIONS_PARTITIONS);
		broker.brokerProperty("auto.create.topics.enable", "false");
		broker.afterPropertiesSet();
		broker.addTopics(new NewTopic(Topics.DELETIONS, Topics.DELETIONS_PARTITIONS, (short) 1),
				new NewTopic(Topics.PURGE_EVENTS, Topics.DELETIONS_PARTITIONS, (short) 1),
				new NewTopic(Topics.DELETIONS_DLT, 1, (short) 1),
				new NewTopic(Topics.DELETION_ACKS, Topics.DELETIONS_PARTITIONS, (short) 1));
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
		return new TestKafka(broker.getBrokersAsString());
	}

	static TestS3 s3() {
		try {
			Path dir = Files.createTempDirectory("lethe-s3mock-");
			S3MockServer server = S3MockServer.start(dir.resolve("data"), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				deleteQuietly(dir);
			}, "s3mock-stop"));
			TestS3 s3 = new TestS3(server.endpoint(), "lethe-test", "lethe", "lethe-secret");
			S3Buckets.ensureVersioned(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket());
			return s3;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Temporary files; the OS cleans up what remains.
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
