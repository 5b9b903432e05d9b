package io.lethe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of Lethe's services run as a real separate JVM from its packaged jar, the way an
 * operator runs it: it can be stopped gracefully, killed with SIGKILL at any point, and
 * started again with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final String name;

	private final Path jar;

	private final List<String> args;

	private final Map<String, String> env;

	private final int port;

	private final int managementPort;

	private final Path log;

	private Process process;

	private ServiceProcess(String name, Path jar, List<String> args, Map<String, String> env, int port,
			int managementPort, Path log) {
		this.name = name;
		this.jar = jar;
		this.args = List.copyOf(args);
		this.env = Map.copyOf(env);
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Starts the jar and waits until its health endpoint on {@code managementPort} (which
	 * the environment must give the service) answers 200.
	 */
	public static ServiceProcess start(String name, Path jar, List<String> args, Map<String, String> env, int port,
			int managementPort, Path log) {
		ServiceProcess service = new ServiceProcess(name, jar, args, env, port, managementPort, log);
		service.launch();
		return service;
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Where its health, metrics and Prometheus endpoints are served. */
	public String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	/**
	 * The service's logged errors (JSON log lines at level ERROR), each cut short, so
	 * that a test that saw a 5xx can say what the server saw.
	 */
	public List<String> loggedErrors(int max) {
		try (java.util.stream.Stream<String> lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.contains("\"level\":\"ERROR\""))
				.limit(max)
				.map((line) -> (line.length() > 1500) ? line.substring(0, 1500) + "…" : line)
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of("(log unreadable: " + ex.getMessage() + ")");
		}
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** SIGKILL: no shutdown hooks, no graceful anything, as when a machine dies. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM: a graceful shutdown. */
	public void stop() {
		this.process.destroy();
		waitFor();
	}

	/** Starts the service again with the same jar, arguments, environment and port. */
	public void restart() {
		if (isAlive()) {
			stop();
		}
		launch();
	}

	@Override
	public void close() {
		if (isAlive()) {
			stop();
		}
	}

	private void launch() {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.name + " jar not found at " + this.jar + "; package it first");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString()));
		command.addAll(this.args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.env);
		try {
			Files.createDirectories(this.log.getParent());
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			if (healthy()) {
				return;
			}
			pause(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException(this.name + " did not become healthy within " + START_TIMEOUT + ":\n" + tail());
	}

	private boolean healthy() {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(managementUrl() + "/actuator/health")
				.toURL()
				.openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			int status = connection.getResponseCode();
			connection.disconnect();
			return status == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last lines the service logged, for failure messages. */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
