package io.lethe.purge.receipt;

import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lethe.purge.PurgeWorkerIntegrationTest;
import io.lethe.testkit.Api;
import io.lethe.testkit.ReceiptJwks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt's holder checks it: a JWS receipt with the public keys the worker publishes,
 * using another JOSE implementation than the one that signed it, or with
 * {@code POST /api/v1/receipts/verify}; a receipt of the HMAC era only with the latter.
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
	void aJwsReceiptVerifiesWithThePublishedKeysAndNotOnceChanged() {
		String jws = new ReceiptJws(new ReceiptKeys(TEST_SIGNING_KEY, "")).sign(this.body);
		Api.Response jwks = this.api.get("/.well-known/jwks.json", null);

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.contentType()).startsWith("application/jwk-set+json");
		assertThat(jwks.header("Cache-Control")).contains("max-age=300", "public");
		assertThat(jwks.body()).contains("\"kid\":\"test-es256-1\"", "\"kid\":\"test-es256-0\"")
			.doesNotContain("\"d\"");
		assertThat(ReceiptJwks.header(jws)).contains("\"alg\":\"ES256\"", "\"kid\":\"test-es256-1\"",
				"\"typ\":\"lethe-receipt+jwt\"");
		assertThat(ReceiptJwks.verifies(jws, jwks.body())).isTrue();
		String changed = ReceiptJwks.tampered(jws, "\"objects\":7", "\"objects\":8");
		assertThat(ReceiptJwks.verifies(changed, jwks.body())).isFalse();

		Api.Response valid = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", jws));
		Api.Response invalid = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", changed));
		assertThat(valid.json().get("valid").booleanValue()).isTrue();
		assertThat(valid.json().get("key_id").stringValue()).isEqualTo("test-es256-1");
		assertThat(valid.json().get("algorithm").stringValue()).isEqualTo("ES256");
		assertThat(invalid.json().get("valid").booleanValue()).isFalse();
		assertThat(invalid.json().get("reason").stringValue()).contains("does not match");
	}

	@Test
	void aJwsReceiptSignedBeforeAKeyRotationStillVerifiesAndAnUnknownKeysDoesNot() throws Exception {
		String old = new ReceiptJws(new ReceiptKeys(TEST_PREVIOUS_SIGNING_KEY, "")).sign(this.body);
		String stranger = new ReceiptJws(
				new ReceiptKeys(new ECKeyGenerator(Curve.P_256).keyID("stranger-1").generate().toJSONString(), ""))
			.sign(this.body);
		String jwks = this.api.get("/.well-known/jwks.json", null).body();

		assertThat(ReceiptJwks.verifies(old, jwks)).isTrue();
		assertThat(ReceiptJwks.verifies(stranger, jwks)).isFalse();
		Api.Response oldAnswer = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", old));
		Api.Response strangerAnswer = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", stranger));
		assertThat(oldAnswer.json().get("valid").booleanValue()).isTrue();
		assertThat(oldAnswer.json().get("key_id").stringValue()).isEqualTo("test-es256-0");
		assertThat(strangerAnswer.json().get("valid").booleanValue()).isFalse();
		assertThat(strangerAnswer.json().get("reason").stringValue()).contains("stranger-1", "test-es256-1");
	}

	@Test
	void aReceiptOfTheHmacEraStillVerifies() {
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
		assertThat(otherKey.json().get("reason").stringValue()).contains("retired-0", "LETHE_RECEIPT_KEY");
		assertThat(notHex.json().get("valid").booleanValue()).isFalse();
	}

	@Test
	void anHmacReceiptSignedBeforeAKeyRotationStillVerifiesWithThePreviousKeyListed() {
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
		Api.Response jwsAsNumber = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", 5));
		Api.Response notAJws = this.api.post("/api/v1/receipts/verify", null, Map.of("jws", "not.a-jws"));
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
		assertThat(jwsAsNumber.status()).isEqualTo(422);
		assertThat(jwsAsNumber.json().get("errors").get(0).get("msg").stringValue()).contains("receipt.jws");
		assertThat(notAJws.status()).isEqualTo(200);
		assertThat(notAJws.json().get("valid").booleanValue()).isFalse();
		assertThat(notJson.status()).isEqualTo(415);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
	}

}
