package io.lethe.command.auth;

import java.util.List;
import java.util.Map;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aRequestWithoutAKeyIsA401ProblemWithAChallenge() {
		Response response = this.api.get("/api/v1/datasets", null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:unauthenticated");
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "lethe_", "lethe_0123456789abcdef0123456789abcdef_short",
			"lethe_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "' or 1=1 --" })
	void anInvalidKeyIsA401(String key) {
		Response bearer = this.api.get("/api/v1/datasets", key);
		Response header = this.api.send("GET", "/api/v1/datasets", Map.of("x-api-key", key), null);

		assertThat(List.of(bearer, header)).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).doesNotContain(key);
		});
	}

	@Test
	void aKeyWithTheRightIdButAWrongSecretIsA401() {
		TestOrg org = newOrg();
		String forged = org.key().substring(0, org.key().length() - 4) + "AAAA";

		assertThat(this.api.get("/api/v1/datasets", forged).status()).isEqualTo(401);
	}

	@Test
	void bothBearerAndXApiKeyAuthenticate() {
		TestOrg org = newOrg();

		Response bearer = this.api.get("/api/v1/datasets", org.key());
		Response header = this.api.send("GET", "/api/v1/datasets", Map.of("x-api-key", org.key()), null);

		assertThat(bearer.status()).isEqualTo(200);
		assertThat(header.status()).isEqualTo(200);
	}

	@Test
	void aRevokedKeyStopsWorkingAtOnce() {
		TestOrg org = newOrg();
		assertThat(this.api.get("/api/v1/datasets", org.key()).status()).isEqualTo(200);

		this.keys.revoke(org.keyId());

		assertThat(this.api.get("/api/v1/datasets", org.key()).status()).isEqualTo(401);
	}

	@Test
	void keysAreStoredOnlyAsHashes() {
		TestOrg org = newOrg();
		// lethe_<32 hex id>_<43-character secret>; the secret itself may contain '_'
		String secret = org.key().substring("lethe_".length() + 33);
		assertThat(secret).hasSize(43);

		List<String> stored = this.jdbc.sql("select encode(secret_hash, 'escape') || name from catalog.api_keys")
			.query(String.class)
			.list();

		assertThat(stored).noneMatch((row) -> row.contains(secret));
		assertThat(this.jdbc.sql("select length(secret_hash) from catalog.api_keys where id = :id")
			.param("id", org.keyId())
			.query(Integer.class)
			.single()).isEqualTo(32);
	}

	@Test
	void everyDatasetRouteNeedsAKey() {
		String path = "/api/v1/datasets/" + java.util.UUID.randomUUID();

		assertThat(List.of(this.api.post("/api/v1/datasets", null, Map.of("name", "x")), this.api.get(path, null),
				this.api.patch(path, null, Map.of("name", "x")), this.api.delete(path, null)))
			.extracting(Response::status)
			.containsOnly(401);
	}

}
