package io.lethe.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.lethe.devstack.KafkaAccess;
import io.lethe.devstack.Ports;
import io.lethe.testkit.ServiceProcess;
import io.lethe.testkit.ServiceSettings;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestKafka;
import io.lethe.testkit.TestPostgres;
import io.lethe.testkit.TestS3;

/**
 * The whole system for black-box tests: the command service and the purge worker, each a
 * separate JVM started from its packaged jar, on the test JVM's PostgreSQL database and
 * S3 server and a Kafka broker with SASL/SCRAM and ACLs ({@link SecuredKafka}), each
 * service logging in as its own user. Started once per test JVM, on first use, and
 * stopped at exit.
 */
final class LetheSystem {

	/** The HMAC key of receipts issued before JWS (verification only) in these tests. */
	static final String RECEIPT_KEY = "system-test-receipt-key-0123456789abcdef";

	private static LetheSystem instance;

	final TestPostgres postgres;

	final SecuredKafka kafka;

	final TestS3 s3;

	final ServiceProcess commandService;

	final ServiceProcess worker;

	final Properties keys;

	private final Map<String, String> env;

	private LetheSystem() {
		this.postgres = TestInfrastructure.postgres();
		this.kafka = SecuredKafka.get();
		this.s3 = TestInfrastructure.s3();
		Path logs = Path.of(System.getProperty("lethe.system-tests.logs", "target/service-logs"));
		Path keysFile = logs.resolve("demo-keys-" + ProcessHandle.current().pid() + ".env");
		this.env = ServiceSettings.environment(this.postgres.jdbcUrl(), this.postgres.password(), RECEIPT_KEY,
				new TestKafka(this.kafka.bootstrapServers()));
		this.env.put("LETHE_DB_POOL", "8");
		int commandPort = Ports.free();
		int commandManagementPort = Ports.free();
		Map<String, String> commandEnv = new HashMap<>(this.env);
		commandEnv.putAll(this.kafka.serviceEnvironment(KafkaAccess.COMMAND));
		commandEnv.put("LETHE_COMMAND_PORT", String.valueOf(commandPort));
		commandEnv.put("LETHE_COMMAND_MANAGEMENT_PORT", String.valueOf(commandManagementPort));
		commandEnv.put("LETHE_PUBLIC_URL", "http://127.0.0.1:" + commandPort);
		this.commandService = ServiceProcess.start("command-service", jar("lethe.command-service.jar"),
				List.of("--lethe.demo.keys-file=" + keysFile), commandEnv, commandPort, commandManagementPort,
				logs.resolve("command-service.log"));
		this.worker = startWorker(Ports.free(), "worker", Map.of(), List.of());
		this.keys = read(keysFile);
	}

	static synchronized LetheSystem get() {
		if (instance == null) {
			instance = new LetheSystem();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				// SIGKILL: the tests are over, and a graceful stop waits on a broker
				// whose
				// own hook may already have stopped it; surefire kills this JVM 30 s
				// after its exit, and a service left running would outlive the build
				instance.worker.kill();
				instance.commandService.kill();
			}, "lethe-system-stop"));
		}
		return instance;
	}

	/**
	 * Purge worker processes on the same stores, started side by side (a JVM start is
	 * mostly waiting), each named as given.
	 */
	List<ServiceProcess> startWorkers(Map<String, String> extraEnv, List<String> args, String... names) {
		List<java.util.concurrent.CompletableFuture<ServiceProcess>> starting = java.util.Arrays.stream(names)
			.map((name) -> java.util.concurrent.CompletableFuture
				.supplyAsync(() -> startWorker(Ports.free(), name, extraEnv, args)))
			.toList();
		return starting.stream().map(java.util.concurrent.CompletableFuture::join).toList();
	}

	/**
	 * Another purge worker process on the same stores, with extra environment (say,
	 * another S3 endpoint).
	 */
	ServiceProcess startWorker(int port, String name, Map<String, String> extraEnv, List<String> args) {
		int managementPort = Ports.free();
		Map<String, String> workerEnv = new HashMap<>(this.env);
		workerEnv.putAll(this.kafka.serviceEnvironment(KafkaAccess.WORKER));
		workerEnv.put("LETHE_WORKER_PORT", String.valueOf(port));
		workerEnv.put("LETHE_WORKER_MANAGEMENT_PORT", String.valueOf(managementPort));
		workerEnv.put("LETHE_WORKER_ID", name);
		workerEnv.putAll(extraEnv);
		return ServiceProcess.start(name, jar("lethe.purge-worker.jar"), args, workerEnv, port, managementPort,
				Path.of(System.getProperty("lethe.system-tests.logs", "target/service-logs")).resolve(name + ".log"));
	}

	String orgAKey() {
		return this.keys.getProperty("LETHE_ORG_A_KEY");
	}

	String orgAId() {
		return this.keys.getProperty("LETHE_ORG_A_ID");
	}

	String orgBKey() {
		return this.keys.getProperty("LETHE_ORG_B_KEY");
	}

	String operatorKey() {
		return this.keys.getProperty("LETHE_OPERATOR_KEY");
	}

	static Path jar(String property) {
		return Path.of(System.getProperty(property, "missing-" + property));
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The command service wrote no demo keys to " + file, ex);
		}
		return properties;
	}

}
