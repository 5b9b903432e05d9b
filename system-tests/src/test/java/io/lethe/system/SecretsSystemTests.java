package io.lethe.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.devstack.Ports;
import io.lethe.testkit.ServiceSettings;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestKafka;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret has no usable default outside the dev profile: the packaged worker, started
 * without its receipt signing key, refuses to start and says which variable to set.
 */
class SecretsSystemTests {

	@Test
	void theWorkerRefusesToStartWithoutAReceiptSigningKeyAndNamesTheVariable() throws Exception {
		Map<String, String> env = new HashMap<>(ServiceSettings.environment(TestInfrastructure.postgres().jdbcUrl(),
				TestInfrastructure.postgres().password(), "unused",
				new TestKafka(SecuredKafka.get().bootstrapServers())));
		env.remove("LETHE_RECEIPT_SIGNING_KEY");
		env.remove("LETHE_RECEIPT_KEY");
		env.put("LETHE_WORKER_PORT", String.valueOf(Ports.free()));
		Path output = Files.createTempFile("lethe-worker-without-key", ".log");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						LetheSystem.jar("lethe.purge-worker.jar").toString()))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("LETHE_") || name.startsWith("SPRING_"));
		builder.environment().putAll(env);
		Process worker = builder.start();
		boolean exited = worker.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			worker.destroyForcibly();
		}

		assertThat(exited).as("the worker exits by itself").isTrue();
		assertThat(worker.exitValue()).isNotZero();
		assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("LETHE_RECEIPT_SIGNING_KEY is not set");
	}

}
