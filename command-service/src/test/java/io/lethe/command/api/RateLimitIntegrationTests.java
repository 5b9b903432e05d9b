package io.lethe.command.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over a rate is answered 429 with Retry-After and a problem body; other clients
 * go on unhindered. Per API key for authenticated requests; per client address for
 * requests without a valid key and for share link reads. Each test is its own client
 * address on the loopback (127.0.0.x), so that the tests never share a bucket.
 */
@TestPropertySource(properties = { "lethe.limits.requests-per-second=0.5", "lethe.limits.burst=5",
		"lethe.limits.failed-auth-per-second=0.1", "lethe.limits.failed-auth-burst=3",
		"lethe.limits.share-reads-per-second=0.1", "lethe.limits.share-reads-burst=3" })
class RateLimitIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aKeyOverItsRateIsToldWhenToRetryAndOtherKeysAreNotSlowed() {
		TestOrg busy = newOrg();
		TestOrg other = newOrg();
		List<Integer> statuses = new ArrayList<>();
		Response limited = null;
		for (int i = 0; i < 8; i++) {
			Response answer = this.api.get("/api/v1/datasets", busy.key());
			statuses.add(answer.status());
			if (answer.status() == 429) {
				limited = answer;
			}
		}

		assertThat(statuses.subList(0, 5)).containsOnly(200);
		assertThat(statuses.subList(5, 8)).containsOnly(429);
		assertRateLimited(limited, 1, 2);
		assertThat(this.api.get("/api/v1/datasets", other.key()).status()).isEqualTo(200);
	}

	@Test
	void anAddressThatKeepsFailingAuthenticationIsRefusedBeforeItsKeyIsLookedUp() {
		TestOrg org = newOrg();
		TestOrg bystander = newOrg();
		FromAddress guesser = new FromAddress("127.0.0.21", this.port);
		FromAddress neighbour = new FromAddress("127.0.0.22", this.port);
		String guess = "lethe_" + "0".repeat(32) + "_" + "A".repeat(43);

		assertThat(guesser.get("/api/v1/datasets", guess).status()).isEqualTo(401);
		assertThat(guesser.get("/api/v1/datasets", null).status()).isEqualTo(401);
		assertThat(guesser.get("/api/v1/datasets", "garbled").status()).isEqualTo(401);
		Response refused = guesser.get("/api/v1/datasets", guess);
		Response evenAGoodKey = guesser.get("/api/v1/datasets", org.key());

		assertRateLimited(refused, 5, 10);
		assertThat(refused.json().get("detail").stringValue()).contains("without a valid API key");
		assertThat(evenAGoodKey.status()).isEqualTo(429);
		assertThat(neighbour.get("/api/v1/datasets", bystander.key()).status()).isEqualTo(200);
		assertThat(neighbour.get("/api/v1/datasets", guess).status()).isEqualTo(401);
	}

	@Test
	void shareLinkReadsAreLimitedPerAddressWhateverTheToken() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "shared");
		String token = this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), Map.of())
			.json()
			.get("token")
			.stringValue();
		FromAddress reader = new FromAddress("127.0.0.31", this.port);
		FromAddress other = new FromAddress("127.0.0.32", this.port);

		assertThat(reader.get("/share/" + token, null).status()).isEqualTo(200);
		assertThat(reader.get("/share/unknown-token", null).status()).isEqualTo(404);
		assertThat(reader.get("/share/" + token, null).status()).isEqualTo(200);
		Response limited = reader.get("/share/" + token, null);

		assertRateLimited(limited, 5, 10);
		assertThat(limited.header("Cache-Control")).isEqualTo("no-store");
		assertThat(limited.body()).doesNotContain("shared");
		assertThat(other.get("/share/" + token, null).status()).isEqualTo(200);
	}

	private static void assertRateLimited(Response answer, int minRetry, int maxRetry) {
		assertThat(answer).isNotNull();
		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:rate-limited");
		assertThat(answer.json().get("status").intValue()).isEqualTo(429);
		assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(minRetry, maxRetry);
	}

	@Test
	void aTwelveLabsRouteOverTheRateAnswersTooManyRequestsInItsErrorShape() {
		TestOrg busy = newOrg();
		Response limited = null;
		for (int i = 0; i < 8 && limited == null; i++) {
			Response answer = this.api.send("GET", "/v1.3/assets/" + UUID.randomUUID() + "/entities",
					Map.of("x-api-key", busy.key()), null);
			limited = (answer.status() == 429) ? answer : null;
		}

		assertThat(limited).as("a 429 within 8 requests").isNotNull();
		String retryAfter = limited.header("Retry-After");
		assertThat(limited.body()).isEqualTo("{\"code\":\"too_many_requests\",\"message\":\"This API key is over "
				+ "its request rate; retry in " + retryAfter + " s.\"}");
	}

}
