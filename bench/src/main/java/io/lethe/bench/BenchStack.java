package io.lethe.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.lethe.devstack.Ports;
import io.lethe.testkit.ServiceSettings;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestKafka;
import io.lethe.testkit.TestS3;

/**
 * The system under test, all on free loopback ports: a database of its own, testkit's
 * KRaft broker (in this JVM) and S3Mock process, the command service and purge workers
 * (one, or several side by side) that can be restarted with another heap or S3 endpoint
 * (a delaying proxy).
 */
final class BenchStack implements AutoCloseable {

	static final String RECEIPT_KEY = "bench-receipt-key-0123456789abcdef0123456789";

	final BenchDatabase db;

	final TestKafka kafka;

	final TestS3 s3;

	final Service commandService;

	final Properties keys;

	private final Path home;

	private final Map<String, String> env = new HashMap<>();

	private final List<Service> workers = new ArrayList<>();

	private boolean closed;

	BenchStack(Path home) {
		this.home = home;
		this.db = BenchDatabase.create();
		this.kafka = TestInfrastructure.kafka();
		this.s3 = TestInfrastructure.s3();
		this.env.putAll(ServiceSettings.environment(this.db.jdbcUrl(), this.db.password(), RECEIPT_KEY));
		this.env.put("LETHE_LOG_FORMAT", "logstash");
		int port = Ports.free();
		Map<String, String> commandEnv = new HashMap<>(this.env);
		commandEnv.put("LETHE_COMMAND_PORT", String.valueOf(port));
		commandEnv.put("LETHE_PUBLIC_URL", "http://127.0.0.1:" + port);
		int management = Ports.free();
		commandEnv.put("LETHE_COMMAND_MANAGEMENT_PORT", String.valueOf(management));
		// The per-key rate limit (200/s, burst 400 by default) would measure the limiter,
		// not the service: the bench raises it far above what this machine can reach.
		commandEnv.put("LETHE_RATE_LIMIT", "1000000");
		commandEnv.put("LETHE_RATE_BURST", "1000000");
		Path keysFile = home.resolve("demo-keys.env");
		this.commandService = Service.start("command-service", jar("command-service"), "512m",
				List.of("--lethe.demo.keys-file=" + keysFile), commandEnv, port, management,
				home.resolve("command-service.log"));
		this.keys = read(keysFile);
	}

	/**
	 * (Re)starts the purge worker with the given heap, against the given S3 endpoint (the
	 * S3Mock itself, or a proxy in front of it).
	 */
	Service startWorker(String heap, URI s3Endpoint) {
		return startWorkers(1, heap, s3Endpoint, Map.of()).get(0);
	}

	/**
	 * Stops the running workers and starts {@code count} worker processes side by side
	 * (started together, each on its own ports, under its own worker id and log), all in
	 * one consumer group, sharing the jobs through their leases; {@code extraEnv} is
	 * added to each one's environment.
	 */
	List<Service> startWorkers(int count, String heap, URI s3Endpoint, Map<String, String> extraEnv) {
		stopWorker();
		List<CompletableFuture<Service>> starting = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String suffix = (count == 1) ? "" : "-" + i;
			int port = Ports.free();
			int management = Ports.free();
			starting.add(CompletableFuture.supplyAsync(() -> {
				Map<String, String> workerEnv = new HashMap<>(this.env);
				workerEnv.put("LETHE_WORKER_PORT", String.valueOf(port));
				workerEnv.put("LETHE_WORKER_MANAGEMENT_PORT", String.valueOf(management));
				workerEnv.put("LETHE_S3_ENDPOINT", s3Endpoint.toString());
				workerEnv.put("LETHE_WORKER_ID", "bench-worker" + suffix);
				workerEnv.putAll(extraEnv);
				return Service.start("purge-worker" + suffix, jar("purge-worker"), heap, List.of(), workerEnv, port,
						management, this.home.resolve("purge-worker" + suffix + ".log"));
			}));
		}
		// every start is waited for, so that none that came up is left running when
		// another failed
		List<Service> started = new ArrayList<>();
		RuntimeException failed = null;
		for (CompletableFuture<Service> worker : starting) {
			try {
				started.add(worker.join());
			}
			catch (RuntimeException ex) {
				failed = (failed != null) ? failed : ex;
			}
		}
		synchronized (this) {
			this.workers.addAll(started);
		}
		if (failed != null) {
			throw failed;
		}
		return started;
	}

	synchronized void stopWorker() {
		this.workers.forEach(Service::close);
		this.workers.clear();
	}

	String api() {
		return this.commandService.baseUrl();
	}

	String orgId() {
		return this.keys.getProperty("LETHE_ORG_A_ID");
	}

	String orgKey() {
		return this.keys.getProperty("LETHE_ORG_A_KEY");
	}

	String operatorKey() {
		return this.keys.getProperty("LETHE_OPERATOR_KEY");
	}

	private static Path jar(String module) {
		Path root = Path.of(System.getProperty("lethe.root", "."));
		return root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
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

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		stopWorker();
		this.commandService.close();
		this.db.close();
	}

}
