package io.lethe.command.compat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subworkflow, TwelveLabs and ModelArts routes: the same commands underneath, each in its
 * own shapes.
 */
class CompatibilityRoutesIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void subworkflowDeleteExpiresTheDatasetAtOnceAndAnswersInItsEnvelope() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "sw_docs");
		item(org, dataset, asset(org));
		String token = this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), null)
			.json()
			.get("token")
			.stringValue();

		Response response = this.api.send("DELETE", "/v1/datasets/" + dataset, Map.of("x-api-key", org.key()), null);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("success").booleanValue()).isTrue();
		assertThat(body.get("total").intValue()).isEqualTo(1);
		JsonNode data = body.get("data");
		assertThat(List.copyOf(data.propertyNames())).containsExactly("id", "workspaceId", "type", "fileName",
				"fileExt", "fileSize", "itemCount", "mimeType", "createdAt", "updatedAt", "expiresAt", "share");
		assertThat(data.get("id").stringValue()).isEqualTo(dataset);
		assertThat(data.get("workspaceId").stringValue()).isEqualTo(org.id().toString());
		assertThat(data.get("type").stringValue()).isEqualTo("image");
		assertThat(data.get("itemCount").longValue()).isEqualTo(1);
		assertThat(data.get("fileSize").longValue()).isPositive();
		assertThat(data.get("mimeType").stringValue()).isEqualTo("image/png");
		assertThat(data.get("createdAt").isIntegralNumber()).isTrue();
		assertThat(data.get("expiresAt").longValue()).isLessThanOrEqualTo(Instant.now().toEpochMilli());
		// tokens are not stored, and the delete revoked every link: none to show
		assertThat(data.get("share").isNull()).isTrue();
		assertThat(this.api.get("/share/" + token, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/datasets/" + dataset, org.key()).json().get("status").stringValue())
			.isEqualTo("pending_deletion");
	}

	@Test
	void subworkflowCountsAnItemWhoseSourceWasForceDeletedAndPurged() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "sw_orphaned");
		String source = asset(org);
		item(org, dataset, source);
		item(org, dataset, asset(org));
		assertThat(this.api.delete("/api/v1/assets/" + source + "?force=true", org.key()).status()).isEqualTo(200);
		// the purge worker removed the source's row; the flagged item stays
		this.jdbc.sql("delete from catalog.assets where id = cast(:id as uuid)").param("id", source).update();

		JsonNode data = this.api.send("DELETE", "/v1/datasets/" + dataset, Map.of("x-api-key", org.key()), null)
			.json()
			.get("data");

		assertThat(data.get("itemCount").longValue()).isEqualTo(2);
		assertThat(data.get("mimeType").stringValue()).isEqualTo("image/png");
	}

	@Test
	void subworkflowErrorsUseItsErrorEnvelope() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "sw_private");

		Response unknown = this.api.send("DELETE", "/v1/datasets/" + UUID.randomUUID(), Map.of("x-api-key", org.key()),
				null);
		Response foreign = this.api.send("DELETE", "/v1/datasets/" + dataset, Map.of("x-api-key", stranger.key()),
				null);
		Response malformed = this.api.send("DELETE", "/v1/datasets/ds_ar7e4PtGX7fGGnSt", Map.of("x-api-key", org.key()),
				null);
		Response noKey = this.api.send("DELETE", "/v1/datasets/" + dataset, Map.of(), null);

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(noKey.status()).isEqualTo(401);
		for (Response response : List.of(unknown, foreign, malformed, noKey)) {
			assertThat(response.json().get("success").booleanValue()).isFalse();
			assertThat(response.json().get("error").stringValue()).isNotBlank();
		}
		assertThat(this.api.get("/api/v1/datasets/" + dataset, org.key()).json().get("status").stringValue())
			.isEqualTo("active");
	}

	@Test
	void twelveLabsDeleteIsAConflictWhileIndexedAndEmptyObjectOnceForced() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String dataset = dataset(org, "tl_index");
		String item = item(org, dataset, asset);
		String entity = this.api.post("/api/v1/entities", org.key(), Map.of("name", "Logo"))
			.json()
			.get("id")
			.stringValue();
		this.api.post("/api/v1/entities/" + entity + "/assets", org.key(), Map.of("asset_ids", List.of(asset)));
		Map<String, String> key = Map.of("x-api-key", org.key());

		JsonNode indexed = this.api.send("GET", "/v1.3/assets/" + asset + "/indexed-assets", key, null).json();
		JsonNode entities = this.api.send("GET", "/v1.3/assets/" + asset + "/entities", key, null).json();
		Response conflict = this.api.send("DELETE", "/v1.3/assets/" + asset, key, null);
		Response forced = this.api.send("DELETE", "/v1.3/assets/" + asset + "?force=true", key, null);

		assertThat(indexed.get("data").get(0).get("_id").stringValue()).isEqualTo(item);
		assertThat(indexed.get("data").get(0).get("index_id").stringValue()).isEqualTo(dataset);
		assertThat(indexed.get("page_info").get("total_results").intValue()).isEqualTo(1);
		assertThat(entities.get("data").get(0).get("name").stringValue()).isEqualTo("Logo");
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.json().get("code").stringValue()).isEqualTo("asset_referenced");
		assertThat(forced.status()).isEqualTo(200);
		assertThat(forced.body()).isEqualTo("{}");
		assertThat(this.api.send("DELETE", "/v1.3/assets/" + asset, key, null).status()).isEqualTo(404);
		assertThat(this.api.send("DELETE", "/v1.3/assets/6298d673f1090f1100476d4c", key, null).status()).isEqualTo(400);
		assertThat(this.api.send("DELETE", "/v1.3/assets/" + asset, Map.of(), null).status()).isEqualTo(401);
	}

	@Test
	void modelArtsBatchDeleteAnswersPerSampleAndChecksTheProject() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "ma_samples");
		String sample = item(org, dataset, asset(org));
		String path = "/v2/" + org.id() + "/datasets/" + dataset + "/data-annotations/samples/delete";
		Map<String, String> key = Map.of("x-api-key", org.key());

		Response response = this.api.send("POST", path, key,
				Map.of("samples", List.of(sample, "9cb9bc9b34bf53b6ec9a84998b1711bf"), "delete_source", false));
		Response otherProject = this.api.send("POST",
				"/v2/" + stranger.id() + "/datasets/" + dataset + "/data-annotations/samples/delete",
				Map.of("x-api-key", org.key()), Map.of("samples", List.of(sample)));
		Response strangerOwnProject = this.api.send("POST",
				"/v2/" + stranger.id() + "/datasets/" + dataset + "/data-annotations/samples/delete",
				Map.of("x-api-key", stranger.key()), Map.of("samples", List.of(sample)));
		Response noKey = this.api.send("POST", path, Map.of(), Map.of("samples", List.of(sample)));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("success").booleanValue()).isFalse();
		assertThat(response.json().get("results").get(0).get("success").booleanValue()).isTrue();
		assertThat(response.json().get("results").get(1).get("error_code").stringValue())
			.isEqualTo("ModelArts.SAMPLE_NOT_FOUND");
		assertThat(otherProject.status()).isEqualTo(403);
		assertThat(otherProject.json().get("error_code").stringValue()).isEqualTo("ModelArts.0403");
		assertThat(strangerOwnProject.status()).isEqualTo(404);
		assertThat(noKey.status()).isEqualTo(401);
		assertThat(noKey.json().get("error_msg").stringValue()).isNotBlank();
	}

	@Test
	void subworkflowDeleteOfADatasetDeletedWithAGracePeriodExpiresItNow() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "sw_graced");
		this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT24H", org.key());
		Instant before = Instant.now();

		Response response = this.api.send("DELETE", "/v1/datasets/" + dataset, Map.of("x-api-key", org.key()), null);

		JsonNode resource = this.api.get("/api/v1/datasets/" + dataset, org.key()).json();
		Instant expiresAt = Instant.parse(resource.get("expires_at").stringValue());
		assertThat(expiresAt).isBetween(before.minusSeconds(5), Instant.now());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"success\":true,\"total\":1,\"data\":{\"id\":\"" + dataset
				+ "\",\"workspaceId\":\"" + org.id() + "\",\"type\":\"image\",\"fileName\":\"sw_graced\","
				+ "\"fileExt\":\"\",\"fileSize\":0,\"itemCount\":0,\"mimeType\":null,\"createdAt\":"
				+ millis(resource, "created_dt") + ",\"updatedAt\":" + millis(resource, "updated_dt")
				+ ",\"expiresAt\":" + expiresAt.toEpochMilli() + ",\"share\":null}}");
		// the deletion is requested again with the new expiry, so a purge scheduled for
		// the
		// old one runs now
		assertThat(this.jdbc
			.sql("select count(*) from catalog.outbox where aggregate_id = cast(:id as uuid) "
					+ "and event_type = 'DatasetDeletionRequested'")
			.param("id", dataset)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void twelveLabsSpellsItsErrorCodesAsItsErrorCodePage() {
		TestOrg org = newOrg();
		String unknown = UUID.randomUUID().toString();

		Response response = this.api.send("DELETE", "/v1.3/assets/" + unknown, Map.of("x-api-key", org.key()), null);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body())
			.isEqualTo("{\"code\":\"resource_not_exist\",\"message\":\"Asset " + unknown + " not found\"}");
	}

	@Test
	void modelArtsBatchAnswerCarriesTheFirstFailureAtTheTopAndAnEmptyBatchDeletesNothing() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "ma_top_level");
		String sample = item(org, dataset, asset(org));
		String missing = "9cb9bc9b34bf53b6ec9a84998b1711bf";
		String path = "/v2/" + org.id() + "/datasets/" + dataset + "/data-annotations/samples/delete";
		Map<String, String> key = Map.of("x-api-key", org.key());

		Response empty = this.api.send("POST", path, key, Map.of("samples", List.of()));
		Response absent = this.api.send("POST", path, key, Map.of("delete_source", true));
		Response unknownDataset = this.api.send("POST",
				"/v2/" + org.id() + "/datasets/" + UUID.randomUUID() + "/data-annotations/samples/delete", key,
				Map.of());
		Response partial = this.api.send("POST", path, key, Map.of("samples", List.of(sample, missing)));

		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).isEqualTo("{\"success\":true,\"results\":[]}");
		assertThat(absent.body()).isEqualTo("{\"success\":true,\"results\":[]}");
		assertThat(unknownDataset.status()).isEqualTo(404);
		String notFound = "No sample " + missing + " in dataset " + dataset;
		assertThat(partial.status()).isEqualTo(200);
		assertThat(partial.body()).isEqualTo("{\"success\":false,\"error_code\":\"ModelArts.SAMPLE_NOT_FOUND\","
				+ "\"error_msg\":\"1 of 2 samples could not be deleted: " + notFound + "\",\"results\":["
				+ "{\"success\":true},{\"success\":false,\"error_code\":\"ModelArts.SAMPLE_NOT_FOUND\","
				+ "\"error_msg\":\"" + notFound + "\"}]}");
	}

	/** A time of the native resource as Subworkflow writes it: epoch milliseconds. */
	private static String millis(JsonNode resource, String field) {
		JsonNode value = resource.get(field);
		return value.isNull() ? "null" : String.valueOf(Instant.parse(value.stringValue()).toEpochMilli());
	}

}
