package io.lethe.command.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.security.ApiRoutes.Route;
import io.lethe.testkit.Api;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix: every route of the OpenAPI document, every method, with
 * another org's key, with no key, a garbled one and a revoked one. Another org's resource
 * is a 404 (a 403 where the route is for operators only), never its data, and nothing of
 * the owner changes.
 */
class TenantIsolationIntegrationTests extends CommandServiceIntegrationTest {

	private OrgResources owner;

	private TestOrg intruder;

	private String intruderAsset;

	private List<Route> routes;

	@BeforeEach
	void twoOrgs() {
		this.owner = OrgResources.create(this.api, newOrg());
		this.intruder = newOrg();
		this.intruderAsset = this.api
			.upload("/api/v1/assets", this.intruder.key(), "own.png", "image/png", TestImages.png(8, 8), Map.of())
			.json()
			.get("id")
			.stringValue();
		this.routes = ApiRoutes.of(this.api);
	}

	@Test
	void anotherOrgsKeyGetsNotFoundOnEveryRouteThatNamesTheOwnersResources() {
		Map<String, String> before = checksum();
		List<String> leaks = new ArrayList<>();
		int checked = 0;
		for (Route route : this.routes) {
			if (!route.hasPathVariables() || route.isPublic()) {
				continue;
			}
			Api.Response answer = send(route, Map.of("Authorization", "Bearer " + this.intruder.key()));
			checked++;
			int expected = (route.isAdmin() || route.isForConsumers()) ? 403 : 404;
			boolean modelArtsProject = route.path().startsWith("/v2/{project_id}");
			if (answer.status() != expected && !(modelArtsProject && answer.status() == 403)) {
				leaks.add(route + " answered " + answer.status() + ": " + answer.body());
			}
		}

		assertThat(leaks).isEmpty();
		assertThat(checked).isGreaterThan(25);
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void listsAnswerAnotherOrgOnlyWithItsOwnResources() {
		List<String> leaks = new ArrayList<>();
		for (Route route : this.routes) {
			if (!route.method().equals("GET") || route.hasPathVariables() || route.isAdmin()) {
				continue;
			}
			for (String status : new String[] { "", "?status=active,pending_deletion,ready,uploading" }) {
				Api.Response answer = this.api.get(route.path() + status, this.intruder.key());
				for (String id : this.owner.ids()) {
					if (answer.body().contains(id)) {
						leaks.add(route + status + " shows " + id + ": " + answer.body());
					}
				}
			}
		}

		assertThat(leaks).isEmpty();
	}

	@Test
	void everyRouteButTheShareLinkAndThePublicKeysNeedsAValidKey() throws Exception {
		String revoked = this.keys.issue(this.owner.org().id(), "revoked", io.lethe.command.auth.Role.OPERATOR).key();
		this.jdbc.sql("update catalog.api_keys set revoked_at = now() where org_id = ? and name = 'revoked'")
			.param(this.owner.org().id())
			.update();
		Map<String, String> before = checksum();
		String validId = this.owner.org().key().split("_")[1];
		List<Map<String, String>> credentials = List.of(Map.of(), Map.of("Authorization", "Bearer"),
				Map.of("Authorization", "Bearer not-a-key"), Map.of("x-api-key", "lethe_" + validId + "_wrongsecret"),
				Map.of("Authorization", "Basic " + this.owner.org().key()),
				Map.of("Authorization", "Bearer " + revoked), Map.of("x-api-key", revoked));
		List<String> open = new ArrayList<>();
		for (Route route : this.routes) {
			if (route.isPublic()) {
				continue;
			}
			for (Map<String, String> credential : credentials) {
				Api.Response answer = send(route, credential);
				if (answer.status() != 401) {
					open.add(route + " with " + credential + " answered " + answer.status());
				}
			}
		}

		assertThat(open).isEmpty();
		assertThat(checksum()).isEqualTo(before);
	}

	private Api.Response send(Route route, Map<String, String> credentials) {
		String path = route.expand((variable) -> this.owner.value(route, variable));
		Map<String, String> headers = new java.util.HashMap<>(credentials);
		if (route.binary()) {
			headers.put("Content-Type", "application/octet-stream");
			return this.api.sendBytes(route.method(), path, headers, new byte[1024]);
		}
		if (route.multipart()) {
			String boundary = "isolation";
			headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
			String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n";
			byte[] image = TestImages.png(8, 8);
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			body.writeBytes(part.getBytes());
			body.writeBytes(image);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
			return this.api.sendBytes(route.method(), path, headers, body.toByteArray());
		}
		return this.api.send(route.method(), path, headers, validBody(route));
	}

	/**
	 * A body the owner could send, so that an answer is about whose resource it is and
	 * not about the body.
	 */
	private Object validBody(Route route) {
		String path = route.path();
		return switch (route.method() + " " + path) {
			case "PATCH /api/v1/datasets/{dataset_id}" -> Map.of("description", "changed by another org");
			case "PATCH /api/v1/assets/{asset_id}/metadata" -> Map.of("title", "changed by another org");
			case "POST /api/v1/datasets/{dataset_id}/items" -> Map.of("asset_id", this.intruderAsset);
			case "PUT /api/v1/datasets/{dataset_id}/items/{item_id}/embeddings/{embedding_name}" ->
				Map.of("vector", OrgResources.VECTOR);
			case "POST /api/v1/datasets/{dataset_id}/search" ->
				Map.of("embedding_name", "multimodal", "vector", OrgResources.VECTOR, "k", 5);
			case "POST /api/v1/datasets/{dataset_id}/samples/delete",
					"POST /v2/{project_id}/datasets/{dataset_id}/data-annotations/samples/delete" ->
				Map.of("samples", List.of(this.owner.item()), "delete_source", true);
			case "POST /api/v1/datasets/{dataset_id}/shares" -> Map.of("expires_in", "P1D");
			case "POST /api/v1/entities/{entity_id}/assets" -> Map.of("asset_ids", List.of(this.intruderAsset));
			case "PUT /api/v1/admin/datasets/{dataset_id}/legal-hold",
					"POST /api/v1/admin/datasets/{dataset_id}/purge" ->
				Map.of("reason", "not mine");
			default -> route.method().equals("GET") || route.method().equals("DELETE") ? null : Map.of();
		};
	}

	private Map<String, String> checksum() {
		try (S3Client s3 = s3()) {
			return CatalogChecksum.of(this.jdbc, s3, bucket(), this.owner.org().id());
		}
	}

}
