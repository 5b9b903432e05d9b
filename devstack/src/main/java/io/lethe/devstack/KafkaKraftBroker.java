package io.lethe.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run in
 * this JVM, with its log directory on disk so that topics and records survive a restart.
 * <p>
 * {@link #start} listens PLAINTEXT: anyone on the machine may do anything, which is what
 * {@code make run} on loopback wants. {@link #startSecured} authenticates every
 * connection and authorizes every request: clients use SASL/SCRAM-SHA-512, the controller
 * listener SASL/PLAIN with the admin alone (KRaft keeps SCRAM credentials in its metadata
 * log, which the controller listener cannot depend on), and the KRaft
 * {@code StandardAuthorizer} allows only what ACLs grant, the admin being the one
 * super-user.
 */
public final class KafkaKraftBroker implements AutoCloseable {

	/** The super-user of a secured broker: the broker itself and the set-up. */
	public static final String ADMIN = "admin";

	/** The mechanism clients of a secured broker authenticate with. */
	public static final String SCRAM = "SCRAM-SHA-512";

	/** Kafka's own default ({@code kafka-configs.sh} uses it too). */
	private static final int SCRAM_ITERATIONS = 4096;

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private final String adminPassword;

	private KafkaKraftBroker(KafkaRaftServer server, String bootstrapServers, String adminPassword) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
		this.adminPassword = adminPassword;
	}

	/**
	 * Starts a PLAINTEXT broker on {@code port} (its controller on {@code port + 1}),
	 * formatting the log directory the first time.
	 */
	public static KafkaKraftBroker start(Path dataDir, int port) {
		return start(dataDir, port, null);
	}

	/**
	 * Starts a broker that authenticates and authorizes every client: SASL_PLAINTEXT with
	 * SCRAM-SHA-512 on {@code port}, SASL/PLAIN on its controller at {@code port + 1},
	 * and super-user {@value #ADMIN} with {@code adminPassword}, whose SCRAM credential
	 * is written when the log directory is formatted (the broker needs it to talk to
	 * itself before any client could create it). Other users and their ACLs come from
	 * {@link #ensureUsers} and {@link #ensureAcls}; until then nobody else may do
	 * anything. A log directory formatted for a PLAINTEXT broker has no admin credential:
	 * give a secured broker a directory of its own.
	 */
	public static KafkaKraftBroker startSecured(Path dataDir, int port, String adminPassword) {
		if (adminPassword == null || adminPassword.isBlank()) {
			throw new IllegalArgumentException("A secured Kafka broker needs an admin password");
		}
		return start(dataDir, port, adminPassword);
	}

	private static KafkaKraftBroker start(Path dataDir, int port, String adminPassword) {
		try {
			Path logDir = dataDir.resolve("log");
			Files.createDirectories(logDir);
			Properties properties = (adminPassword != null) ? securedProperties(logDir, port, adminPassword)
					: properties(logDir, port);
			Path config = dataDir.resolve("server.properties");
			Files.deleteIfExists(config);
			// it may hold the admin's password
			Files.createFile(config,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(config)) {
				properties.store(out, "Written by Lethe devstack");
			}
			if (!Files.exists(logDir.resolve("meta.properties"))) {
				format(config, adminPassword);
			}
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
			server.startup();
			return new KafkaKraftBroker(server, "127.0.0.1:" + port, adminPassword);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void format(Path config, String adminPassword) {
		List<String> args = new ArrayList<>(
				List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone"));
		if (adminPassword != null) {
			args.addAll(List.of("--add-scram", SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
		}
		int status = StorageTool.execute(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()));
		if (status != 0) {
			throw new IllegalStateException("Formatting the Kafka log directory for " + config + " failed");
		}
	}

	private static Properties properties(Path logDir, int port) {
		Properties p = common(logDir, port);
		p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
		p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		p.put("inter.broker.listener.name", "PLAINTEXT");
		p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		return p;
	}

	private static Properties securedProperties(Path logDir, int port, String adminPassword) {
		Properties p = common(logDir, port);
		p.put("listeners", "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
		p.put("advertised.listeners", "CLIENT://127.0.0.1:" + port);
		p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
		p.put("inter.broker.listener.name", "CLIENT");
		p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
		p.put("listener.name.client.sasl.enabled.mechanisms", SCRAM);
		// the broker's own login (SCRAM checks clients against the metadata log)
		p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
				login("scram.ScramLoginModule", ADMIN, adminPassword, ""));
		p.put("sasl.mechanism.controller.protocol", "PLAIN");
		p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
		// the broker's login to its controller, and the one user the controller accepts
		p.put("listener.name.controller.plain.sasl.jaas.config",
				login("plain.PlainLoginModule", ADMIN, adminPassword, " user_" + ADMIN + "=\"" + adminPassword + "\""));
		p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		p.put("super.users", "User:" + ADMIN);
		p.put("allow.everyone.if.no.acl.found", "false");
		return p;
	}

	private static Properties common(Path logDir, int port) {
		Properties p = new Properties();
		p.put("process.roles", "broker,controller");
		p.put("node.id", "1");
		p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + (port + 1));
		p.put("controller.listener.names", "CONTROLLER");
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

	private static String login(String loginModule, String user, String password, String more) {
		return "org.apache.kafka.common.security." + loginModule + " required username=\"" + user + "\" password=\""
				+ password + "\"" + more + ";";
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	public boolean secured() {
		return this.adminPassword != null;
	}

	/**
	 * The settings of a client of this broker as {@code user}; for a PLAINTEXT broker
	 * just where it is.
	 */
	public Map<String, Object> clientConfig(String user, String password) {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		if (secured()) {
			config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
			config.put("sasl.mechanism", SCRAM);
			config.put("sasl.jaas.config", login("scram.ScramLoginModule", user, password, ""));
		}
		return config;
	}

	private Map<String, Object> adminConfig() {
		return clientConfig(ADMIN, this.adminPassword);
	}

	/** Creates the topics that do not exist yet; partitions by name. */
	public void ensureTopics(Map<String, Integer> partitionsByTopic) {
		try (Admin admin = Admin.create(adminConfig())) {
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

	/**
	 * Sets the SCRAM-SHA-512 password of each user, creating users that do not exist; a
	 * secured broker only.
	 */
	public void ensureUsers(Map<String, String> passwordByUser) {
		requireSecured();
		List<UserScramCredentialAlteration> upserts = new ArrayList<>();
		passwordByUser.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
				new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
		try (Admin admin = Admin.create(adminConfig())) {
			admin.alterUserScramCredentials(upserts).all().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not set the Kafka users " + passwordByUser.keySet(), ex.getCause());
		}
	}

	/**
	 * Adds the ACLs (adding one that exists changes nothing); a secured broker only.
	 */
	public void ensureAcls(Collection<AclBinding> acls) {
		requireSecured();
		try (Admin admin = Admin.create(adminConfig())) {
			admin.createAcls(acls).all().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create the Kafka ACLs", ex.getCause());
		}
	}

	private void requireSecured() {
		if (!secured()) {
			throw new IllegalStateException("A PLAINTEXT broker has neither users nor ACLs");
		}
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
