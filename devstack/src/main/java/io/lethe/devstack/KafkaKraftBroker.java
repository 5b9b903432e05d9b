package io.lethe.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run in
 * this JVM, with its log directory on disk so that topics and records survive a restart.
 */
public final class KafkaKraftBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KafkaKraftBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Starts the broker on {@code port} (its controller on {@code port + 1}), formatting
	 * the log directory the first time.
	 */
	public static KafkaKraftBroker start(Path dataDir, int port) {
		try {
			Path logDir = dataDir.resolve("log");
			Files.createDirectories(logDir);
			Properties properties = properties(logDir, port);
			Path config = dataDir.resolve("server.properties");
			try (OutputStream out = Files.newOutputStream(config)) {
				properties.store(out, "Written by Lethe devstack");
			}
			if (!Files.exists(logDir.resolve("meta.properties"))) {
				int status = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
						config.toString(), "--standalone" }, new PrintStream(OutputStream.nullOutputStream()));
				if (status != 0) {
					throw new IllegalStateException("Formatting the Kafka log directory " + logDir + " failed");
				}
			}
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
			server.startup();
			return new KafkaKraftBroker(server, "127.0.0.1:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties properties(Path logDir, int port) {
		Properties p = new Properties();
		p.put("process.roles", "broker,controller");
		p.put("node.id", "1");
		p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + (port + 1));
		p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
		p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		p.put("controller.listener.names", "CONTROLLER");
		p.put("inter.broker.listener.name", "PLAINTEXT");
		p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		p.put("log.dirs", logDir.toAbsolutePath().toString());
		p.put("num.partitions", "1");
		p.put("offsets.topic.replication.factor", "1");
		p.put("offsets.topic.num.partitions", "6");
		p.put("transaction.state.log.replication.factor", "1");
		p.put("transaction.state.log.min.isr", "1");
		p.put("share.coordinator.state.topic.replication.factor", "1");
		p.put("share.coordinator.state.topic.min.isr", "1");
		p.put("group.initial.rebalance.delay.ms", "0");
		p.put("auto.create.topics.enable", "false");
		return p;
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** Creates the topics that do not exist yet; partitions by name. */
	public void ensureTopics(Map<String, Integer> partitionsByTopic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = partitionsByTopic.entrySet()
				.stream()
				.filter((entry) -> !existing.contains(entry.getKey()))
				.map((entry) -> new NewTopic(entry.getKey(), entry.getValue(), (short) 1))
				.collect(Collectors.toList());
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create topics " + partitionsByTopic.keySet(), ex.getCause());
		}
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
