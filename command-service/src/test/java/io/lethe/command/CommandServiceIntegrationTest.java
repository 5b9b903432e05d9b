package io.lethe.command;

import java.util.Map;
import java.util.UUID;

import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.IssuedKey;
import io.lethe.command.auth.Orgs;
import io.lethe.command.auth.Role;
import io.lethe.command.openapi.ContractValidation;
import io.lethe.testkit.Api;
import io.lethe.testkit.DatabaseRoles;
import io.lethe.testkit.ServiceSettings;
import io.lethe.testkit.TestImages;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one base of the command service's integration tests: the application on a random
 * port, on the real PostgreSQL (with pgvector), Kafka broker and S3 server that
 * {@link TestInfrastructure} starts once per JVM. Every subclass shares one application
 * context. Every answer the application gives is checked against the committed OpenAPI
 * documents ({@link ContractValidation}): a test whose requests got an answer the
 * documents do not describe fails, naming the route, the status and what broke.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the tests send thousands of requests with few keys, many without a valid one, all from
// 127.0.0.1; RateLimitIntegrationTests checks the limits
@TestPropertySource(properties = { "lethe.limits.requests-per-second=100000", "lethe.limits.burst=100000",
		"lethe.limits.failed-auth-per-second=100000", "lethe.limits.failed-auth-burst=100000",
		"lethe.limits.share-reads-per-second=100000", "lethe.limits.share-reads-burst=100000",
		"lethe.management.token=" + CommandServiceIntegrationTest.MANAGEMENT_TOKEN })
@Import(ContractValidation.class)
public abstract class CommandServiceIntegrationTest {

	protected static final String MANAGEMENT_TOKEN = "management-token-of-the-tests";

	/**
	 * The public half of a completion key rotated out before the tests' (its private half
	 * is in {@code CompletionKeysTests}): served in the JWK set, signing nothing.
	 */
	protected static final String PREVIOUS_COMPLETION_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"test-completion-0\","
			+ "\"x\":\"RP9H-m0xfEcnpPfcg5UMtJjQvez5_fZlJDz4CzCn1_o\",\"y\":\"ZagVCIONJscvouP9dkCWdnBxiRrXlYfNmyn8gI33PzA\"}";

	@Autowired
	protected ApiKeyService keys;

	@Autowired
	protected Orgs orgs;

	@Autowired
	protected JdbcClient jdbc;

	@LocalServerPort
	protected int port;

	/** Where health, metrics and Prometheus are served: a port of their own. */
	@LocalManagementPort
	protected int managementPort;

	protected Api api;

	protected Api management;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestPostgres postgres = TestInfrastructure.postgres();
		ServiceSettings.springProperties(postgres.as(DatabaseRoles.COMMAND), registry::add);
		registry.add("spring.servlet.multipart.max-file-size", () -> "2MB");
		registry.add("spring.servlet.multipart.max-request-size", () -> "2MB");
		registry.add("lethe.encoders.multimodal.dimension", () -> "8");
		registry.add("lethe.completion-receipts.signing-key", () -> ServiceSettings.COMPLETION_SIGNING_KEY);
		registry.add("lethe.completion-receipts.previous-public-keys", () -> PREVIOUS_COMPLETION_KEY);
	}

	@BeforeEach
	void connectApi() {
		this.api = new Api("http://127.0.0.1:" + this.port);
		this.management = new Api("http://127.0.0.1:" + this.managementPort);
	}

	@AfterEach
	void answersFollowTheDocuments() {
		assertThat(ContractValidation.drain())
			.as("answers that break the OpenAPI documents (docs/openapi/): route -> status: violation")
			.isEmpty();
	}

	/** A plain S3 client on the test bucket: what a user's tooling would see. */
	protected static S3Client s3() {
		return TestInfrastructure.s3().client();
	}

	protected static String bucket() {
		return TestInfrastructure.s3().bucket();
	}

	/** A fresh org with a member key, so that tests never see each other's data. */
	protected TestOrg newOrg() {
		UUID org = this.orgs.create("org_" + UUID.randomUUID().toString().replace("-", ""));
		IssuedKey member = this.keys.issue(org, "test member", Role.MEMBER);
		return new TestOrg(org, member.key(), member.keyId());
	}

	protected String operatorKey(TestOrg org) {
		return this.keys.issue(org.id(), "test operator", Role.OPERATOR).key();
	}

	/** A small PNG uploaded as an asset of the org; its id. */
	protected String asset(TestOrg org) {
		return this.api.upload("/api/v1/assets", org.key(), "a.png", "image/png", TestImages.png(8, 8), Map.of())
			.json()
			.get("id")
			.stringValue();
	}

	/** A new dataset of the org with the given name; its id. */
	protected String dataset(TestOrg org, String name) {
		return this.api.post("/api/v1/datasets", org.key(), Map.of("name", name)).json().get("id").stringValue();
	}

	/** The asset placed in the dataset; the item's id. */
	protected String item(TestOrg org, String dataset, String asset) {
		return this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset))
			.json()
			.get("id")
			.stringValue();
	}

	/** An org of a test and its member key. */
	public record TestOrg(UUID id, String key, UUID keyId) {
	}

}
