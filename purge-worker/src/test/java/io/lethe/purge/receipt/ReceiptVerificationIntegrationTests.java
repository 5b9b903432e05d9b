package io.lethe.purge.receipt;

import java.util.Map;
import java.util.UUID;

import io.lethe.purge.PurgeWorkerIntegrationTest;
import io.lethe.testkit.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/receipts/verify}: the holder of a receipt asks the service that
 * holds the key whether the receipt is genuine and unchanged.
 */
class ReceiptVerificationIntegrationTests extends PurgeWorkerIntegrationTest {

	@LocalServerPort
	private int port;

	private Api api;

	private String body;

	private String signature;

	@BeforeEach
	void aSignedReceipt() {
		this.api = new Api("http://127.0.0.1:" + this.port);
		this.body = "{\"receipt_id\":\"" + UUID.randomUUID() + "\",\"counts\":{\"vectors\":3,\"objects\":7}}";
		this.signature = new ReceiptSigner(new ReceiptProperties(TEST_RECEIPT_KEY, "test-1", "")).sign(this.body);
	}

	@Test
	void aReceiptSignedByTheServiceVerifies() {
		Api.Response answer = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", this.signature, "key_id", "test-1"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("valid").booleanValue()).isTrue();
		assertThat(answer.json().get("key_id").stringValue()).isEqualTo("test-1");
		assertThat(answer.json().get("algorithm").stringValue()).isEqualTo("HMAC-SHA256");
	}

	@Test
	void aChangedReceiptOrAnotherKeysSignatureDoesNotVerify() {
		Api.Response changed = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body.replace("\"objects\":7", "\"objects\":8"), "signature", this.signature));
		Api.Response otherKey = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", this.signature, "key_id", "retired-0"));
		Api.Response notHex = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", "zz"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("valid").booleanValue()).isFalse();
		assertThat(changed.json().get("reason").stringValue()).contains("does not match");
		assertThat(otherKey.json().get("valid").booleanValue()).isFalse();
		assertThat(otherKey.json().get("reason").stringValue()).contains("retired-0", "test-1");
		assertThat(notHex.json().get("valid").booleanValue()).isFalse();
	}

	@Test
	void aReceiptSignedBeforeAKeyRotationStillVerifiesWithThePreviousKeyListed() {
		String old = new ReceiptSigner(new ReceiptProperties(TEST_PREVIOUS_RECEIPT_KEY, "test-0", "")).sign(this.body);

		Api.Response named = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", old, "key_id", "test-0"));
		Api.Response unnamed = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", old));
		Api.Response wrongName = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", this.body, "signature", old, "key_id", "test-1"));

		assertThat(named.json().get("valid").booleanValue()).isTrue();
		assertThat(named.json().get("key_id").stringValue()).isEqualTo("test-0");
		assertThat(unnamed.json().get("valid").booleanValue()).isTrue();
		assertThat(unnamed.json().get("key_id").stringValue()).isEqualTo("test-0");
		assertThat(wrongName.json().get("valid").booleanValue()).isFalse();
	}

	@Test
	void badRequestsAreProblemsNeverServerErrors() {
		Api.Response missing = this.api.post("/api/v1/receipts/verify", null, Map.of("body", this.body));
		Api.Response bodyAsObject = this.api.post("/api/v1/receipts/verify", null,
				Map.of("body", Map.of("counts", 1), "signature", this.signature));
		Api.Response notAnObject = this.api.post("/api/v1/receipts/verify", null, "[1, 2]");
		Api.Response malformed = this.api.post("/api/v1/receipts/verify", null, "{\"body\": ");
		Api.Response notJson = this.api.sendBytes("POST", "/api/v1/receipts/verify",
				Map.of("Content-Type", "text/plain"), this.body.getBytes());

		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:validation");
		assertThat(missing.json().get("errors").get(0).get("loc").toString()).isEqualTo("[\"body\",\"signature\"]");
		assertThat(bodyAsObject.status()).isEqualTo(422);
		assertThat(bodyAsObject.json().get("errors").get(0).get("msg").stringValue()).contains("body_text");
		assertThat(notAnObject.status()).isEqualTo(422);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:malformed-body");
		assertThat(notJson.status()).isEqualTo(415);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
	}

}
