package io.lethe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.testkit.Api;

/**
 * One of Lethe's services as its own JVM from the packaged jar, with the heap the bench
 * asks for and the full JIT (testkit's launcher stops at C1 to start fast, which would
 * understate throughput).
 */
final class Service implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path log;

	private Service(String name, Process process, int port, int managementPort, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * @param managementPort where it serves health and metrics (its own port: the
	 * services refuse a management address on the API's port)
	 */
	static Service start(String name, Path jar, String heap, List<String> args, Map<String, String> env, int port,
			int managementPort, Path log) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(name + " jar not found at " + jar + "; run make bench (it packages)");
		}
		return launch(name, List.of("-Xmx" + heap, "-jar", jar.toString()), args, env, port, managementPort, log);
	}

	/**
	 * A main class of the bench's own classpath as a process of its own (the command
	 * path's framework floor).
	 */
	static Service startMain(String name, Class<?> main, String heap, Map<String, String> env, int port, Path log) {
		return launch(name, List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main.getName()),
				List.of(), env, port, port, log);
	}

	private static Service launch(String name, List<String> jvm, List<String> args, Map<String, String> env, int port,
			int managementPort, Path log) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// -Dlethe.bench.jfr=DIR records each service with JDK Flight Recorder into DIR
		// (-Dlethe.bench.jfr.settings=profile|default|FILE.jfc, profile when not given)
		String jfr = System.getProperty("lethe.bench.jfr");
		if (jfr != null) {
			command.add("-XX:StartFlightRecording=settings=" + System.getProperty("lethe.bench.jfr.settings", "profile")
					+ ",filename=" + Path.of(jfr, name + "-" + System.currentTimeMillis() + ".jfr"));
		}
		command.addAll(jvm);
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		try {
			Files.createDirectories(log.getParent());
			Service service = new Service(name, builder.start(), port, managementPort, log);
			service.awaitHealthy();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Health, metrics and Prometheus. */
	String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * The resident set's high-water mark ({@code VmHWM}) and current size, in bytes, as
	 * the kernel counts them.
	 */
	long[] rss() {
		long hwm = 0;
		long now = 0;
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					hwm = kib(line);
				}
				else if (line.startsWith("VmRSS:")) {
					now = kib(line);
				}
			}
		}
		catch (IOException ex) {
			// The process is gone; nothing to measure.
		}
		return new long[] { hwm, now };
	}

	/** CPU seconds the process has used so far (user + system, from /proc). */
	double cpuSeconds() {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Seconds the JVM's JIT compilers have spent so far (Micrometer's
	 * {@code jvm.compilation.time}, from the JVM's compilation bean; summed over the
	 * compiler threads, which /proc cannot do, because the JVM starts and ends them as it
	 * needs): what a fresh JVM spends compiling the code it runs hot. NaN when the
	 * service does not report it.
	 */
	double compilationSeconds() {
		Api.Response answer = new Api(managementUrl()).get("/actuator/metrics/jvm.compilation.time", null);
		if (answer.status() != 200) {
			return Double.NaN;
		}
		return answer.json().path("measurements").path(0).path("value").asDouble(Double.NaN) / 1000;
	}

	private static long kib(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
	}

	private void awaitHealthy() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create(managementUrl() + "/actuator/health")
					.toURL()
					.openConnection();
				connection.setConnectTimeout(500);
				connection.setReadTimeout(2000);
				if (connection.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Bench.sleep(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException(this.name + " did not become healthy; see " + this.log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
