package io.lethe.testkit;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.lethe.devstack.S3Buckets;
import io.lethe.events.codec.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The infrastructure from containers, where a Docker engine answers. Containers stop with
 * the JVM (Ryuk).
 */
final class ContainerInfrastructure {

	private ContainerInfrastructure() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static TestPostgres postgres() {
		PostgreSQLContainer container = new PostgreSQLContainer("pgvector/pgvector:pg16").withDatabaseName("lethe");
		container.start();
		try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
				container.getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists vector");
			DatabaseRoles.apply(connection, container.getPassword());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("pgvector container not usable: " + ex.getMessage(), ex);
		}
		return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	static TestKafka kafka() {
		KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
		container.start();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, container.getBootstrapServers()))) {
			admin.createTopics(java.util.List.of(new NewTopic(Topics.DELETIONS, Topics.DELETIONS_PARTITIONS, (short) 1),
					new NewTopic(Topics.PURGE_EVENTS, Topics.DELETIONS_PARTITIONS, (short) 1),
					new NewTopic(Topics.DELETIONS_DLT, 1, (short) 1),
					new NewTopic(Topics.DELETION_ACKS, Topics.DELETIONS_PARTITIONS, (short) 1)))
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create topics in the Kafka container", ex);
		}
		return new TestKafka(container.getBootstrapServers());
	}

	static TestS3 s3() {
		GenericContainer<?> container = new GenericContainer<>("adobe/s3mock:5.2.0").withExposedPorts(9090)
			.waitingFor(Wait.forHttp("/").forPort(9090).forStatusCodeMatching((status) -> status > 0));
		container.start();
		TestS3 s3 = new TestS3(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(9090)),
				"lethe-test", "lethe", "lethe-secret");
		S3Buckets.ensureVersioned(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket());
		return s3;
	}

}
