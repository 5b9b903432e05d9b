package io.lethe.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.lethe.events.codec.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so {@code docker compose config} cannot check the compose
 * file; this checks what it would: it parses, every service has an image or a build,
 * dependencies name real services, and the long-running services have health checks.
 */
class DockerComposeFileTests {

	@SuppressWarnings("unchecked")
	@Test
	void theComposeFileDescribesTheWholeSystemConsistently() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		assertThat(services).containsKeys("postgres", "kafka", "minio", "command-service", "purge-worker");
		services.forEach((name, service) -> {
			assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
			Object dependsOn = service.get("depends_on");
			if (dependsOn instanceof Map<?, ?> dependencies) {
				assertThat(services.keySet()).as(name + " depends_on")
					.containsAll((java.util.Set<String>) dependencies.keySet());
			}
			if (!"no".equals(service.get("restart"))) {
				assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
			}
		});
		assertThat(services.get("postgres").get("image").toString()).startsWith("pgvector/pgvector");
		assertThat((Map<String, Object>) services.get("kafka").get("environment")).containsEntry("KAFKA_PROCESS_ROLES",
				"broker,controller");
		String topicCommand = String.join("\n", (List<String>) services.get("kafka-topics").get("command"));
		assertThat(topicCommand).contains(Topics.DELETIONS, Topics.PURGE_EVENTS, Topics.DELETIONS_DLT);
		assertThat(String.join("\n", (List<String>) services.get("minio-bucket").get("command")))
			.contains("version enable");
	}

}
