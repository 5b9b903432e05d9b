package io.lethe.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.events.codec.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so {@code docker compose config} cannot check the compose
 * file; this checks what it would: it parses, every service has an image or a build,
 * dependencies name real services, and the long-running services have health checks; and
 * what matters for security: Kafka authenticates every client it can reach, its set-up
 * grants the same ACLs as devstack's {@link KafkaAccess}, each service logs in as its own
 * user, and every secret it requires is listed in {@code .env.example}.
 */
class DockerComposeFileTests {

	@SuppressWarnings("unchecked")
	@Test
	void theComposeFileDescribesTheWholeSystemConsistently() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
			compose = strictYaml().load(reader);
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
		String setup = String.join("\n", (List<String>) services.get("kafka-setup").get("command"));
		assertThat(setup).contains(Topics.DELETIONS, Topics.PURGE_EVENTS, Topics.DELETIONS_DLT, Topics.DELETION_ACKS);
		assertThat(String.join("\n", (List<String>) services.get("minio-bucket").get("command")))
			.contains("version enable");
	}

	@SuppressWarnings("unchecked")
	@Test
	void kafkaAuthenticatesEveryClientItCanReachAndAuthorizesWithAcls() throws IOException {
		Map<String, Map<String, Object>> services = services();
		Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");

		assertThat(kafka)
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", KafkaKraftBroker.SCRAM);
		Map<String, String> protocols = new HashMap<>();
		for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(",")) {
			protocols.put(entry.split(":")[0], entry.split(":")[1]);
		}
		for (String listener : kafka.get("KAFKA_LISTENERS").toString().split(",")) {
			String name = listener.substring(0, listener.indexOf("://"));
			String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
			if (!"127.0.0.1".equals(host)) {
				assertThat(protocols.get(name)).as("listener " + name + " reachable from outside the container")
					.isEqualTo("SASL_PLAINTEXT");
				assertThat(kafka).as("the SCRAM login of listener " + name)
					.containsKey("KAFKA_LISTENER_NAME_" + name + "_SCRAM___SHA___512_SASL_JAAS_CONFIG");
			}
		}
		// the set-up reaches the broker's loopback listeners by sharing its network
		// namespace
		assertThat(services.get("kafka-setup")).containsEntry("network_mode", "service:kafka");
	}

	@SuppressWarnings("unchecked")
	@Test
	void kafkaSetUpGrantsExactlyDevstacksAclsAndEachServiceLogsInAsItsOwnUser() throws IOException {
		Map<String, Map<String, Object>> services = services();
		String setup = String.join("\n", (List<String>) services.get("kafka-setup").get("command"));

		List<String> expected = KafkaAccess.acls().stream().map(DockerComposeFileTests::allowLine).toList();
		List<String> granted = setup.lines().map(String::trim).filter((line) -> line.startsWith("allow ")).toList();
		assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
		for (String user : List.of(KafkaAccess.COMMAND, KafkaAccess.WORKER, KafkaAccess.CONSUMER)) {
			assertThat(setup).contains("user " + user + " ");
		}
		assertLogin(services.get("command-service"), KafkaAccess.COMMAND, "LETHE_KAFKA_COMMAND_PASSWORD");
		assertLogin(services.get("purge-worker"), KafkaAccess.WORKER, "LETHE_KAFKA_WORKER_PASSWORD");
	}

	@Test
	void everySecretComposeRequiresIsListedInTheEnvExample() throws IOException {
		String compose = Files.readString(Path.of("..", "docker-compose.yml"));
		String example = Files.readString(Path.of("..", ".env.example"));

		Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(compose);
		List<String> names = new ArrayList<>();
		while (required.find()) {
			names.add(required.group(1));
		}
		assertThat(names).contains("LETHE_KAFKA_COMMAND_PASSWORD", "LETHE_KAFKA_WORKER_PASSWORD",
				"LETHE_KAFKA_CONSUMER_PASSWORD");
		for (String name : names) {
			assertThat(example).as(".env.example").containsPattern("(?m)^" + name + "=");
		}
	}

	@SuppressWarnings("unchecked")
	private static void assertLogin(Map<String, Object> service, String user, String passwordVariable) {
		Map<String, Object> env = (Map<String, Object>) service.get("environment");
		assertThat(env).containsEntry("LETHE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("LETHE_KAFKA_USERNAME", user);
		assertThat(env.get("LETHE_KAFKA_PASSWORD").toString()).startsWith("${" + passwordVariable + ":?");
	}

	/**
	 * The set-up's line for one ACL:
	 * {@code allow <user> <Operation> --<type> <name> [prefixed]}.
	 */
	private static String allowLine(AclBinding acl) {
		String operation = acl.entry().operation().name();
		String line = "allow " + acl.entry().principal().substring("User:".length()) + " " + operation.charAt(0)
				+ operation.substring(1).toLowerCase(Locale.ROOT) + " --"
				+ acl.pattern().resourceType().name().toLowerCase(Locale.ROOT) + " " + acl.pattern().name();
		return (acl.pattern().patternType() == PatternType.PREFIXED) ? line + " --resource-pattern-type prefixed"
				: line;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
			Map<String, Object> compose = strictYaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	/** As docker compose reads it: a key given twice in one mapping is an error. */
	private static Yaml strictYaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(options);
	}

}
