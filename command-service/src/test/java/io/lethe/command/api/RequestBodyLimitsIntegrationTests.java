package io.lethe.command.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies are screened before they are parsed: oversized JSON (declared or streamed),
 * forms, wildcard and garbled content types and broken multipart bodies are client
 * errors, and none of them creates anything.
 */
class RequestBodyLimitsIntegrationTests extends CommandServiceIntegrationTest {

	private static final String BIG_NAME = "x".repeat(1024 * 1024 + 10);

	@Test
	void aJsonBodyOverTheLimitIsA413AndCreatesNothing() {
		TestOrg org = newOrg();

		Response declared = this.api.post("/api/v1/datasets", org.key(), Map.of("name", BIG_NAME));

		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:too-large");
		assertThat(datasets(org)).isZero();
	}

	@Test
	void aStreamedBodyOverTheLimitIsA413Too() throws Exception {
		TestOrg org = newOrg();
		byte[] body = ("{\"name\": \"" + BIG_NAME + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/datasets"))
			.header("Authorization", "Bearer " + org.key())
			.header("Content-Type", "application/json")
			// a stream of unknown length is sent chunked, with no Content-Length
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("urn:lethe:problem:too-large");
		assertThat(datasets(org)).isZero();
	}

	@Test
	void formsWildcardsAndGarbledContentTypesAre415() {
		TestOrg org = newOrg();
		for (String type : new String[] { "application/x-www-form-urlencoded", "*/*", "application/*", "garbage",
				"text/plain; charset" }) {
			Response answer = this.api.sendBytes("POST", "/api/v1/datasets",
					Map.of("Authorization", "Bearer " + org.key(), "Content-Type", type),
					"name=formed".getBytes(StandardCharsets.UTF_8));

			assertThat(answer.status()).as(type).isEqualTo(415);
			assertThat(answer.contentType()).as(type).startsWith("application/problem+json");
		}
		assertThat(datasets(org)).isZero();
	}

	@Test
	void aBrokenMultipartBodyIsA400() {
		TestOrg org = newOrg();

		Response answer = this.api.sendBytes("POST", "/api/v1/assets",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "multipart/form-data; boundary=b"),
				"--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno closing boundary".getBytes());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:malformed-body");
		assertThat(this.jdbc.sql("select count(*) from catalog.assets where org_id = ?")
			.param(org.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPartSentTheWayCurlDataBinarySendsItIsStoredByteForByte() {
		TestOrg org = newOrg();
		String upload = this.api
			.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "clip.bin", "content_type", "video/mp4"))
			.json()
			.get("id")
			.stringValue();
		byte[] part = "name=value&looks=like-a-form".repeat(1000).getBytes(StandardCharsets.UTF_8);

		Response stored = this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + upload + "/parts/1",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "application/x-www-form-urlencoded"),
				part);
		Response completed = this.api.post("/api/v1/assets/uploads/" + upload + "/complete", org.key(), null);

		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		assertThat(stored.json().get("part_number").intValue()).isEqualTo(1);
		assertThat(stored.json().get("size_bytes").longValue()).isEqualTo(part.length);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.json().get("size_bytes").longValue()).isEqualTo(part.length);
	}

	private long datasets(TestOrg org) {
		return this.jdbc.sql("select count(*) from catalog.datasets where org_id = ?")
			.param(org.id())
			.query(Long.class)
			.single();
	}

	private String base() {
		return this.api.baseUrl();
	}

}
