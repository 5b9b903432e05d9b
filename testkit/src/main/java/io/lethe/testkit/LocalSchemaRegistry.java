package io.lethe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Starts the locally built schema registry for tests that ask for one: the build is
 * cached per machine (make test starts it in the background; this waits for it or runs
 * it), the registry keeps its data in memory and stops with the JVM.
 */
final class LocalSchemaRegistry {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private LocalSchemaRegistry() {
	}

	static TestSchemaRegistry start() {
		try {
			Path jar = Path.of(ensureBuilt());
			Path log = Files.createTempFile("lethe-schema-registry-", ".log");
			int port = freePort();
			Process process = new ProcessBuilder(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
							"-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN",
							"-jar", jar.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "schema-registry-stop"));
			String url = "http://127.0.0.1:" + port;
			awaitReady(process, url, log);
			return new TestSchemaRegistry(url, url + "/apis/ccompat/v7");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String ensureBuilt() throws IOException {
		Path script = repositoryRoot().resolve("scripts/ensure-schema-registry.sh");
		Process build = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			if (build.waitFor() != 0 || out.isEmpty()) {
				throw new IllegalStateException(script + " could not build the schema registry (exit "
						+ build.exitValue() + "); see ~/.cache/lethe/schema-registry/last-build.log");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while building the schema registry", ex);
		}
		return out.lines().reduce((first, last) -> last).orElseThrow();
	}

	private static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.exists(dir.resolve("scripts/ensure-schema-registry.sh"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No scripts/ensure-schema-registry.sh above " + Path.of("").toAbsolutePath());
	}

	private static void awaitReady(Process process, String url, Path log) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/health/ready"))
			.timeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The schema registry exited; see " + log);
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the schema registry started", ex);
			}
			pause();
		}
		process.destroy();
		throw new IllegalStateException(
				"The schema registry did not become ready in " + START_TIMEOUT + "; see " + log);
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
