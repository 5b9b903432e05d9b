package io.lethe.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock, a real S3 HTTP server (versioning, multipart uploads), run as a child
 * process on loopback. Used by the tests and by {@code make run}; the executable jar is
 * fetched by the devstack build into the local Maven repository.
 */
public final class S3MockServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final URI endpoint;

	private final Path log;

	private S3MockServer(Process process, URI endpoint, Path log) {
		this.process = process;
		this.endpoint = endpoint;
		this.log = log;
	}

	/**
	 * Starts the server and waits until it answers.
	 * @param dataDir where the objects live; kept across restarts
	 * @param httpPort the loopback port of the S3 endpoint, 0 for a free one
	 */
	public static S3MockServer start(Path dataDir, int httpPort) {
		try {
			Files.createDirectories(dataDir);
			int port = (httpPort != 0) ? httpPort : Ports.free();
			int httpsPort = Ports.free();
			Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-jar", jar().toString(),
					"--http.port=" + port, "--server.port=" + httpsPort, "--server.address=127.0.0.1",
					"--com.adobe.testing.s3mock.store.root=" + dataDir.toAbsolutePath(),
					"--com.adobe.testing.s3mock.store.retain-files-on-exit=true", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			S3MockServer server = new S3MockServer(process, URI.create("http://127.0.0.1:" + port), log);
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start S3Mock", ex);
		}
	}

	public URI endpoint() {
		return this.endpoint;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Mock exited with " + this.process.exitValue() + "; its log "
						+ this.log + " ends with:\n" + tail(this.log));
			}
			if (answers(this.endpoint)) {
				return;
			}
			sleep(200);
		}
		close();
		throw new IllegalStateException("S3Mock did not answer on " + this.endpoint + " within " + START_TIMEOUT
				+ "; its log " + this.log + " ends with:\n" + tail(this.log));
	}

	static boolean answers(URI endpoint) {
		try {
			HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			int status = connection.getResponseCode();
			connection.disconnect();
			return status > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The executable jar: {@code -Dlethe.s3mock.jar}, {@code $LETHE_S3MOCK_JAR}, or the
	 * local Maven repository.
	 */
	static Path jar() {
		String configured = System.getProperty("lethe.s3mock.jar", System.getenv("LETHE_S3MOCK_JAR"));
		Path jar = (configured != null && !configured.isBlank()) ? Path.of(configured) : defaultJar();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("S3Mock jar not found at " + jar
					+ "; build the devstack module first (./mvnw -pl devstack package) or set LETHE_S3MOCK_JAR");
		}
		return jar;
	}

	private static Path defaultJar() {
		String version = versions().getProperty("s3mock.version");
		String repository = System.getProperty("maven.repo.local",
				Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
		return Path.of(repository, "com", "adobe", "testing", "s3mock", version, "s3mock-" + version + "-exec.jar");
	}

	private static Properties versions() {
		Properties properties = new Properties();
		try (InputStream in = S3MockServer.class.getResourceAsStream("/devstack-versions.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
