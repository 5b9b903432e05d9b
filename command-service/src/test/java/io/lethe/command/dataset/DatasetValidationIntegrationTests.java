package io.lethe.command.dataset;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetValidationIntegrationTests extends CommandServiceIntegrationTest {

	static Stream<Arguments> invalidCreateBodies() {
		return Stream.of(Arguments.of("{}", "name", "missing"), Arguments.of("{\"name\": null}", "name", "missing"),
				Arguments.of("{\"name\": \"\"}", "name", "string_too_short"),
				Arguments.of("{\"name\": \"" + "a".repeat(256) + "\"}", "name", "string_too_long"),
				Arguments.of("{\"name\": \"has space\"}", "name", "string_pattern_mismatch"),
				Arguments.of("{\"name\": \"dash-ed\"}", "name", "string_pattern_mismatch"),
				Arguments.of("{\"name\": \"../etc/passwd\"}", "name", "string_pattern_mismatch"),
				Arguments.of("{\"name\": \"x'; drop table catalog.datasets; --\"}", "name", "string_pattern_mismatch"),
				Arguments.of("{\"name\": \"Grüße\"}", "name", "string_pattern_mismatch"),
				Arguments.of("{\"name\": 42}", "name", "string_type"),
				Arguments.of("{\"name\": [\"a\"]}", "name", "string_type"),
				Arguments.of("{\"name\": \"ok\", \"encoder_name\": \"gpt-17\"}", "encoder_name", "enum"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_sampling_method\": \"random\"}", "keyframe_sampling_method",
						"enum"),
				Arguments.of("{\"name\": \"ok\", \"allowed_asset_types\": [\"image\", \"hologram\"]}",
						"allowed_asset_types", "enum"),
				Arguments.of("{\"name\": \"ok\", \"allowed_asset_types\": []}", "allowed_asset_types", "too_short"),
				Arguments.of("{\"name\": \"ok\", \"allowed_asset_types\": \"image\"}", "allowed_asset_types",
						"list_type"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_uniform_fps_sampling_rate\": 0}",
						"keyframe_uniform_fps_sampling_rate", "greater_than_equal"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_uniform_fps_sampling_rate\": 0.000009}",
						"keyframe_uniform_fps_sampling_rate", "greater_than_equal"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_uniform_fps_sampling_rate\": 5.0001}",
						"keyframe_uniform_fps_sampling_rate", "less_than_equal"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_uniform_fps_sampling_rate\": -1e308}",
						"keyframe_uniform_fps_sampling_rate", "greater_than_equal"),
				Arguments.of("{\"name\": \"ok\", \"keyframe_uniform_fps_sampling_rate\": \"1\"}",
						"keyframe_uniform_fps_sampling_rate", "float_type"),
				Arguments.of("{\"name\": \"ok\", \"store_original\": \"true\"}", "store_original", "bool_type"),
				Arguments.of("{\"name\": \"ok\", \"store_preview\": 1}", "store_preview", "bool_type"),
				Arguments.of("{\"name\": \"ok\", \"description\": 7}", "description", "string_type"),
				Arguments.of("{\"name\": \"ok\", \"description\": \"nul\\u0000byte\"}", "description",
						"string_unicode"),
				Arguments.of("{\"name\": \"ok\", \"dataset_config\": [1, 2]}", "dataset_config", "dict_type"),
				Arguments.of("{\"name\": \"ok\", \"dataset_config\": \"{}\"}", "dataset_config", "dict_type"),
				Arguments.of("{\"name\": \"ok\", \"metadata_fields_to_index\": \"title\"}", "metadata_fields_to_index",
						"list_type"),
				Arguments.of("{\"name\": \"ok\", \"dataset_id\": \"not-a-uuid\"}", "dataset_id", "uuid_parsing"));
	}

	@ParameterizedTest
	@MethodSource("invalidCreateBodies")
	void anInvalidCreateIsA422NamingTheField(String body, String field, String type) {
		TestOrg org = newOrg();

		Response response = this.api.post("/api/v1/datasets", org.key(), body);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:lethe:problem:validation");
		assertThat(problem.get("status").intValue()).isEqualTo(422);
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("loc").get(0).stringValue()).isEqualTo("body");
		assertThat(error.get("loc").get(1).stringValue()).isEqualTo(field);
		assertThat(error.get("type").stringValue()).isEqualTo(type);
		assertThat(error.get("msg").stringValue()).isNotBlank();
		assertThat(datasetCount(org)).isZero();
	}

	@Test
	void everyInvalidFieldIsReportedInOneAnswer() {
		TestOrg org = newOrg();

		Response response = this.api.post("/api/v1/datasets", org.key(),
				"{\"name\": \"bad name\", \"store_preview\": \"yes\", \"keyframe_uniform_fps_sampling_rate\": 9}");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").values()).extracting((e) -> e.get("loc").get(1).stringValue())
			.containsExactlyInAnyOrder("name", "store_preview", "keyframe_uniform_fps_sampling_rate");
	}

	@Test
	void unknownFieldsAreIgnored() {
		TestOrg org = newOrg();

		Response response = this.api.post("/api/v1/datasets", org.key(),
				"{\"name\": \"extra_fields\", \"colour\": \"blue\", \"status\": \"purged\"}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().has("colour")).isFalse();
		assertThat(response.json().get("status").stringValue()).isEqualTo("active");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": ", "{name: 'x'}", "not json at all", "{\"name\": \"a\"} trailing",
			"{\"name\": NaN}", "{\"name\": \"\\uZZZZ\"}" })
	void malformedJsonIsA400(String body) {
		TestOrg org = newOrg();

		Response response = this.api.post("/api/v1/datasets", org.key(), body);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:malformed-body");
		assertThat(datasetCount(org)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"a string\"", "42", "null" })
	void aBodyThatIsNotAnObjectIsA422(String body) {
		TestOrg org = newOrg();

		Response response = this.api.post("/api/v1/datasets", org.key(), body);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("loc").get(0).stringValue()).isEqualTo("body");
	}

	@Test
	void aMissingBodyIsA422() {
		TestOrg org = newOrg();

		Response response = this.api.send("POST", "/api/v1/datasets",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "application/json"), null);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("type").stringValue()).isEqualTo("missing");
	}

	@Test
	void aNonJsonContentTypeIsA415() {
		TestOrg org = newOrg();

		Response response = this.api.send("POST", "/api/v1/datasets",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "text/plain"), null);

		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void patchValidatesLikeCreateAndCannotChangeTheEncoder() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "patch_me"))
			.json()
			.get("id")
			.stringValue();

		Response response = this.api.patch("/api/v1/datasets/" + id, org.key(),
				"{\"name\": \"\", \"encoder_name\": \"multimodal-tx-large\", \"store_original\": null, "
						+ "\"allowed_asset_types\": []}");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").values())
			.extracting((e) -> e.get("loc").get(1).stringValue() + ":" + e.get("type").stringValue())
			.containsExactlyInAnyOrder("encoder_name:immutable", "name:string_too_short",
					"store_original:null_not_allowed", "allowed_asset_types:too_short");
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).json().get("name").stringValue())
			.isEqualTo("patch_me");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/datasets/not-a-uuid", "/api/v1/datasets/123",
			"/api/v1/datasets/00000000-0000-0000-0000-00000000000g" })
	void aMalformedDatasetIdIsA422OnThePath(String path) {
		TestOrg org = newOrg();

		for (Response response : List.of(this.api.get(path, org.key()), this.api.delete(path, org.key()),
				this.api.patch(path, org.key(), Map.of("name", "x")))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			JsonNode error = response.json().get("errors").get(0);
			assertThat(error.get("loc").get(0).stringValue()).isEqualTo("path");
			assertThat(error.get("loc").get(1).stringValue()).isEqualTo("dataset_id");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=-1", "limit=abc", "offset=-5", "offset=1e3",
			"limit=99999999999999999999", "status=deleted", "status=active,bogus" })
	void invalidListParametersAreA422OnTheQuery(String query) {
		TestOrg org = newOrg();

		Response response = this.api.get("/api/v1/datasets?" + query, org.key());

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("loc").get(0).stringValue()).isEqualTo("query");
	}

	@ParameterizedTest
	@ValueSource(strings = { "24h", "PT-1H", "P1000D", "-PT1S", "PTXS" })
	void anInvalidGraceIsA422AndDeletesNothing(String grace) {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "graceful"))
			.json()
			.get("id")
			.stringValue();

		Response response = this.api.delete("/api/v1/datasets/" + id + "?grace=" + grace, org.key());

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("loc").get(1).stringValue()).isEqualTo("grace");
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).json().get("status").stringValue())
			.isEqualTo("active");
	}

	private long datasetCount(TestOrg org) {
		return this.jdbc.sql("select count(*) from catalog.datasets where org_id = :org")
			.param("org", org.id())
			.query(Long.class)
			.single();
	}

}
