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

/** A key over its rate is answered 429 with Retry-After; other keys go on unhindered. */
@TestPropertySource(properties = { "lethe.limits.requests-per-second=0.5", "lethe.limits.burst=5" })
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
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:rate-limited");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
		assertThat(this.api.get("/api/v1/datasets", other.key()).status()).isEqualTo(200);
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
