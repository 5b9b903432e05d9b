package io.lethe.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lethe.testkit.Api;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.ServiceProcess;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and users do with the running system, through its public API only: a
 * legal hold that outlasts the grace period and an operator's purge-now, the guided demo
 * that the README points new users to, and the metrics that the dashboard and alerts in
 * {@code ops/} query.
 */
class OperatorSystemTests {

	private final LetheSystem system = LetheSystem.get();

	private final Api api = new Api(this.system.commandService.baseUrl());

	@Test
	void aLegalHoldKeepsADueDatasetWholeAndItsReleaseLetsThePurgeFinish() {
		String key = this.system.orgAKey();
		String operator = this.system.operatorKey();
		String dataset = this.api.post("/api/v1/datasets", key, Map.of("name", "held_" + System.nanoTime()))
			.json()
			.get("id")
			.stringValue();
		Response item = this.api.upload("/api/v1/datasets/" + dataset + "/items", key, "evidence.png", "image/png",
				TestImages.png(40, 30), Map.of());
		assertThat(item.status()).as(item.toString()).isEqualTo(201);
		String itemId = item.json().get("id").stringValue();
		assertThat(this.api
			.send("PUT", "/api/v1/admin/datasets/" + dataset + "/legal-hold", operator,
					Map.of("reason", "litigation 2026-17"))
			.status()).isEqualTo(200);

		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", key).status()).isEqualTo(200);
		Response purgeNow = this.api.post("/api/v1/admin/datasets/" + dataset + "/purge", operator,
				Map.of("reason", "cleanup"));

		assertThat(purgeNow.status()).isEqualTo(409);
		// the worker runs every second: several runs pass and the dataset stays whole
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Response status = this.api.get("/api/v1/datasets/" + dataset + "/deletion", key);
			assertThat(status.json().get("state").stringValue()).isEqualTo("pending_deletion");
			assertThat(status.json().get("legal_hold").booleanValue()).isTrue();
		});
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/items/" + itemId, key).status())
			.as("a held dataset's items answer as any deleted dataset's do")
			.isEqualTo(409);

		assertThat(this.api.delete("/api/v1/admin/datasets/" + dataset + "/legal-hold", operator).status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Response status = this.api.get("/api/v1/datasets/" + dataset + "/deletion", key);
			assertThat(status.json().get("state").stringValue()).isEqualTo("purged");
			assertThat(status.json().get("legal_hold").booleanValue()).isFalse();
			assertThat(status.json().get("receipt").get("signature").stringValue()).isNotBlank();
		});
		Response audit = this.api.get("/api/v1/admin/audit?target_id=" + dataset, operator);
		assertThat(audit.body()).contains("legal-hold.place", "legal-hold.release", "purge.completed");
	}

	@Test
	void theGuidedDemoRunsAgainstTheSystemAndEndsWithAVerifiedReceipt() throws Exception {
		Path stack = Files.createTempFile("lethe-stack", ".env");
		Files.writeString(stack,
				String.join("\n", "LETHE_API=" + this.system.commandService.baseUrl(),
						"LETHE_WORKER=" + this.system.worker.baseUrl(), "LETHE_ORG_A_ID=" + this.system.orgAId(),
						"LETHE_ORG_A_KEY=" + this.system.orgAKey(), "LETHE_OPERATOR_KEY=" + this.system.operatorKey(),
						"LETHE_S3_ENDPOINT=" + this.system.s3.endpoint(), "LETHE_S3_BUCKET=" + this.system.s3.bucket(),
						"AWS_ACCESS_KEY_ID=" + this.system.s3.accessKey(),
						"AWS_SECRET_ACCESS_KEY=" + this.system.s3.secretKey(), "AWS_DEFAULT_REGION=us-east-1", ""));
		Path output = Files.createTempFile("lethe-demo", ".log");
		ProcessBuilder demo = new ProcessBuilder("bash", "scripts/demo").directory(Path.of("..").toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		demo.environment().put("LETHE_STACK_ENV", stack.toAbsolutePath().toString());

		Process process = demo.start();
		boolean ended = process.waitFor(3, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}

		String printed = read(output);
		assertThat(ended).as(printed).isTrue();
		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).contains("says the receipt is valid: True", "\"object_versions_remaining\": 0", "Done.");
	}

	@Test
	void apiKeysNeverAppearInTheServicesLogs() throws Exception {
		String key = this.system.orgAKey();
		// a well-formed key with the right id and a wrong secret reaches the hash check
		String forged = key.substring(0, KEY_SECRET_AT) + "forgedSecretThatMustNotBeLoggedXXXXXXXXXXXX";
		this.api.get("/api/v1/datasets", key);
		this.api.get("/api/v1/datasets", forged);
		this.api.send("GET", "/api/v1/datasets", Map.of("x-api-key", "lethe_garbage_secretInAHeader"), null);
		this.api.get("/api/v1/datasets/" + UUID.randomUUID() + "?api_key=" + key, key);

		Path logs = Path.of(System.getProperty("lethe.system-tests.logs", "target/service-logs"));
		for (String service : new String[] { "command-service.log", "worker.log" }) {
			String log = read(logs.resolve(service));
			for (String secret : new String[] { secret(key), secret(this.system.orgBKey()),
					secret(this.system.operatorKey()), "forgedSecretThatMustNotBeLoggedXXXXXXXXXXXX",
					"secretInAHeader" }) {
				assertThat(log).as(service + " must not contain a key's secret").doesNotContain(secret);
			}
		}
	}

	@Test
	void everyMetricTheOpsDashboardAndAlertsQueryIsExported() {
		Set<String> exported = new TreeSet<>();
		for (ServiceProcess service : List.of(this.system.commandService, this.system.worker)) {
			Response scrape = new Api(service.managementUrl()).get("/actuator/prometheus", null);
			assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
			exported.addAll(OpsFiles.exportedSeries(scrape.body()));
		}
		Set<String> queried = OpsFiles.queriedMetrics();

		assertThat(queried).as("the series ops/ queries").hasSizeGreaterThan(20);
		Set<String> missing = new TreeSet<>(queried);
		missing.removeAll(exported);
		assertThat(missing).as("queried by ops/ but exported by neither service").isEmpty();
	}

	/** Where the secret starts in a key: {@code lethe_<32 hex id>_<secret>}. */
	private static final int KEY_SECRET_AT = "lethe_".length() + 32 + 1;

	private static String secret(String key) {
		return key.substring(KEY_SECRET_AT);
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
