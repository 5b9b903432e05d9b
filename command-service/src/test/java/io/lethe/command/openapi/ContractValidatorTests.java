package io.lethe.command.openapi;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator that checks every answer of the integration tests against the committed
 * documents: it passes an answer the documents describe and names what breaks them in one
 * they do not, so a change of a response that breaks the contract fails the suite.
 */
class ContractValidatorTests {

	private static final String DATASET = "/api/v1/datasets/0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2";

	private static final String GOOD = """
			{"id": "0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2", "name": "clips", "description": null,
			 "status": "active", "created_dt": "2026-12-06T21:00:00Z"}""";

	private final ContractValidator validator = ContractValidator.committed();

	@Test
	void aDatasetAsDocumentedPasses() {
		assertThat(this.validator.validate("GET", DATASET, 200, "application/json", bytes(GOOD))).isEmpty();
	}

	@Test
	void aDatasetWithAFieldOfTheWrongTypeOrFormatIsNamed() {
		String broken = GOOD.replace("\"clips\"", "5")
			.replace("\"0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2\"", "\"not-a-uuid\"")
			.replace("\"active\"", "\"gone\"");

		List<String> violations = this.validator.validate("GET", DATASET, 200, "application/json", bytes(broken));

		assertThat(violations).anySatisfy((v) -> assertThat(v).startsWith("/name").contains("integer"))
			.anySatisfy((v) -> assertThat(v).startsWith("/id").contains("uuid"))
			.anySatisfy((v) -> assertThat(v).startsWith("/status").contains("enum"));
	}

	@Test
	void aProblemWithoutItsTypeIsNamed() {
		String problem = "{\"title\": \"Not Found\", \"status\": 404}";

		assertThat(this.validator.validate("GET", DATASET, 404, "application/problem+json", bytes(problem)))
			.singleElement()
			.asString()
			.contains("type");
	}

	@Test
	void anUndocumentedStatusOrMediaTypeIsNamed() {
		assertThat(this.validator.validate("GET", DATASET, 418, "application/json", bytes(GOOD))).singleElement()
			.asString()
			.startsWith("status 418 is not documented");
		assertThat(this.validator.validate("GET", DATASET, 200, "text/html", bytes("<p>hi</p>"))).singleElement()
			.asString()
			.startsWith("media type text/html is not documented");
	}

	@Test
	void aCompatibilityAnswerIsCheckedAgainstItsOwnDocument() {
		assertThat(this.validator.validate("DELETE", "/v1/datasets/0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2", 200,
				"application/json", bytes("[]")))
			.singleElement()
			.asString()
			.contains("object expected");
		assertThat(this.validator.validate("DELETE", "/v1/datasets/0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2", 500,
				"application/json", bytes("{}")))
			.singleElement()
			.asString()
			.startsWith("status 500 is not documented");
	}

	@Test
	void anUnknownPathIsNotTheDocumentsBusinessUnlessTheServiceAcceptsIt() {
		assertThat(this.validator.validate("GET", "/api/v1/nowhere", 404, "application/problem+json", bytes("{}")))
			.isEmpty();
		assertThat(this.validator.validate("GET", "/api/v1/nowhere", 200, "application/json", bytes("{}")))
			.containsExactly("no documented route matches the path");
	}

	@Test
	void aRefusalOfARequestTheDocumentsDoNotAllowIsNotChecked() {
		// a body sent to a route that takes none, and a path id that is no UUID: a
		// gateway
		// would refuse these before the service, so only the service's success would
		// count
		assertThat(this.validator.validate("GET", DATASET, true, 415, "application/problem+json", bytes("{}")))
			.isEmpty();
		assertThat(this.validator.validate("GET", "/api/v1/datasets/%20", false, 400, "application/problem+json",
				bytes("{}")))
			.isEmpty();
		// a route without a body documents no 413: answering one is a mismatch
		assertThat(this.validator.validate("GET", DATASET, false, 413, "application/problem+json", bytes("{}")))
			.singleElement()
			.asString()
			.startsWith("status 413 is not documented");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
