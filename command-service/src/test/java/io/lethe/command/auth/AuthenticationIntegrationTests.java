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

	/**
	 * A 60 MB upload without a key: the server answers 401 before it reads the body (it
	 * drains at most a little of it), where it used to parse the whole multipart body
	 * first. Written on a raw socket, so that nothing on the client side waits or
	 * buffers.
	 */
	@Test
	void anUnauthenticatedLargeUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
		long length = 60L * 1024 * 1024;
		long written = 0;
		String answer;
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSendBufferSize(64 * 1024);
			socket.setSoTimeout(30_000);
			java.io.OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/assets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: multipart/form-data; boundary=lethe-boundary\r\nContent-Length: " + length
					+ "\r\n\r\n--lethe-boundary\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			java.io.InputStream in = socket.getInputStream();
			byte[] chunk = new byte[64 * 1024];
			try {
				while (written < length && in.available() == 0) {
					out.write(chunk);
					written += chunk.length;
				}
			}
			catch (java.io.IOException closedByTheServer) {
				// the server answered and closed the connection while we were still
				// sending
			}
			answer = new String(in.readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
		}

		assertThat(answer).isEqualTo("HTTP/1.1 401");
		assertThat(written).isLessThan(length / 4);
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
