package io.lethe.command.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.security.ApiRoutes.Route;
import io.lethe.testkit.Api;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed and hostile requests on every route: every one gets a
 * client error or a success, never a 5xx or a dropped connection, and the data of an org
 * that sent none of them is exactly as it was. The seed and the figures are printed, so a
 * failure can be replayed with {@code -Dlethe.fuzz.seed=…}.
 */
class HostileInputFuzzIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void thousandsOfHostileRequestsGetOnlyClientErrorsAndLeaveOtherOrgsUntouched() {
		long seed = Long.getLong("lethe.fuzz.seed", System.nanoTime());
		int requests = Integer.getInteger("lethe.fuzz.requests", 5_000);
		HostileInput input = new HostileInput(seed);
		OrgResources attacker = OrgResources.create(this.api, newOrg());
		OrgResources bystander = OrgResources.create(this.api, newOrg());
		List<Route> routes = ApiRoutes.of(this.api);
		Map<String, String> before = checksum(bystander);
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> serverErrors = new ArrayList<>();
		int closed = 0;

		for (int i = 0; i < requests; i++) {
			Route route = input.pick(routes);
			String path = route.expand((variable) -> {
				double roll = input.random().nextDouble();
				if (roll < 0.45) {
					return attacker.value(route, variable);
				}
				return (roll < 0.65) ? bystander.value(route, variable) : input.pathSegment();
			}) + input.query();
			Map<String, String> headers = new HashMap<>();
			double auth = input.random().nextDouble();
			if (auth < 0.85) {
				if (input.chance(0.5)) {
					headers.put("Authorization", "Bearer " + attacker.org().key());
				}
				else {
					headers.put("x-api-key", attacker.org().key());
				}
			}
			else if (auth < 0.95) {
				headers.put("Authorization",
						"Bearer " + input.pick(HostileInput.STRINGS).replaceAll("[\\r\\n\\x00]", ""));
			}
			HostileInput.Body body = input.body(Map.of("name", "fuzzed", "reason", "fuzz", "samples",
					List.of(attacker.item()), "vector", OrgResources.VECTOR, "asset_id", attacker.asset()));
			if (body.contentType() != null) {
				headers.put("Content-Type", body.contentType());
			}
			int status;
			try {
				status = this.api.sendBytes(route.method(), path, headers, body.bytes()).status();
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// the client refused to send it (an illegal header value) or the
				// connection dropped
				// past what the server reads at all (Tomcat's 8 KiB request head, its
				// body swallow
				// limit) it may answer and close at once, and the client sees the
				// connection cut
				if (body.bytes().length >= HostileInput.OVERSIZED_UNREAD || path.length() > 8 * 1024) {
					closed++;
				}
				else if (ex.getCause() instanceof IOException) {
					serverErrors.add(route.method() + " " + path + ": connection failed: " + ex.getMessage());
				}
				continue;
			}
			statuses.merge(status, 1, Integer::sum);
			if (status >= 500) {
				serverErrors.add(route.method() + " " + path + " [" + body.contentType() + "] "
						+ new String(body.bytes(), 0, Math.min(200, body.bytes().length)) + " -> " + status);
			}
		}

		int sent = statuses.values().stream().mapToInt(Integer::intValue).sum() + closed;
		String figures = "fuzz.seed=" + seed + "\nfuzz.requests=" + sent + "\nfuzz.server_errors=" + serverErrors.size()
				+ "\nfuzz.statuses=" + statuses + "\nfuzz.oversized_closed=" + closed + "\n";
		System.out.println("Hostile input fuzz: " + figures.replace('\n', ' '));
		record(figures);
		assertThat(serverErrors).as("5xx answers or dropped connections (seed " + seed + ")").isEmpty();
		assertThat(sent).isGreaterThanOrEqualTo(requests * 95 / 100);
		assertThat(checksum(bystander)).as("the bystander org's data (seed " + seed + ")").isEqualTo(before);
	}

	private Map<String, String> checksum(OrgResources org) {
		try (S3Client s3 = s3()) {
			return CatalogChecksum.of(this.jdbc, s3, bucket(), org.org().id());
		}
	}

	private static void record(String figures) {
		try {
			Path dir = Path.of("target", "reliability");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("fuzz.properties"), figures);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
