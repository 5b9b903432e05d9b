package io.lethe.command.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served documents are the committed contract ({@code docs/openapi/*.json}): a change
 * to the API that changes a document fails here until the snapshot is updated with it, so
 * every change to the contract is a visible diff.
 */
class OpenApiContractIntegrationTests extends CommandServiceIntegrationTest {

	static final List<String> GROUPS = List.of("native", "operator", "subworkflow", "twelvelabs", "modelarts");

	private static final Path SNAPSHOTS = Path.of("..", "docs", "openapi");

	private static final boolean UPDATE = Boolean.getBoolean("lethe.openapi.update");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@Test
	void eachServedDocumentIsItsCommittedSnapshot() throws IOException {
		List<String> differing = new ArrayList<>();
		for (String group : GROUPS) {
			String served = canonical(document("/v3/api-docs/" + group).body());
			Path snapshot = SNAPSHOTS.resolve(group + ".json");
			if (UPDATE) {
				Files.createDirectories(SNAPSHOTS);
				Files.writeString(snapshot, served);
			}
			else if (!Files.exists(snapshot) || !Files.readString(snapshot).equals(served)) {
				differing.add(group);
				assertThat(served).as(group).isEqualTo(Files.exists(snapshot) ? Files.readString(snapshot) : "");
			}
		}
		assertThat(differing).as("""
				The served OpenAPI documents differ from docs/openapi/ (above). If the API change is \
				intended, rewrite the snapshots and commit the diff with the change:
				  ./mvnw -B -o verify -pl command-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
				-Dit.test=OpenApiContractIntegrationTests -Dlethe.openapi.update=true""").isEmpty();
	}

	@Test
	void theWholeDocumentHasEveryRouteAndEachRouteIsInOneGroup() {
		Set<String> whole = paths(document("/v3/api-docs").json());
		List<String> grouped = new ArrayList<>();
		for (String group : GROUPS) {
			grouped.addAll(paths(document("/v3/api-docs/" + group).json()));
		}
		assertThat(grouped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(whole);
	}

	@Test
	void noOperationAsksForTheCallerAndEveryKeyedOneNamesBothKeyHeaders() {
		JsonNode paths = document("/v3/api-docs").json().get("paths");
		List<String> keyed = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				JsonNode operation = paths.get(path).get(method);
				if (operation.has("parameters")) {
					operation.get("parameters")
						.forEach((parameter) -> assertThat(parameter.get("name").stringValue()).as(method + " " + path)
							.isNotEqualTo("caller"));
				}
				assertThat(operation.has("operationId")).as(method + " " + path).isTrue();
				if (path.startsWith("/share/") || path.startsWith("/.well-known/")) {
					assertThat(operation.get("security").toString()).as(method + " " + path).isEqualTo("[]");
				}
				else {
					assertThat(operation.get("security").toString()).as(method + " " + path)
						.isEqualTo("[{\"bearerAuth\":[]},{\"apiKeyHeader\":[]}]");
					keyed.add(path);
				}
			}
		}
		assertThat(keyed).hasSizeGreaterThan(30);
	}

	@Test
	void aDatasetIsDocumentedAsItIsSentSnakeCaseAndNullWhereNullIsSent() {
		JsonNode dataset = document("/v3/api-docs/native").json().get("components").get("schemas").get("Dataset");
		JsonNode created = this.api.post("/api/v1/datasets", newOrg().key(), Map.of("name", "documented")).json();

		assertThat(List.copyOf(dataset.get("properties").propertyNames()))
			.containsExactlyInAnyOrderElementsOf(created.propertyNames());
		assertThat(created.get("description").isNull()).isTrue();
		assertThat(dataset.get("properties").get("description").get("type").toString())
			.isEqualTo("[\"string\",\"null\"]");
	}

	private Api.Response document(String path) {
		Api.Response response = this.api.get(path, null);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response;
	}

	private static Set<String> paths(JsonNode document) {
		return new HashSet<>(document.get("paths").propertyNames());
	}

	/**
	 * Sorted keys at every level, two-space indents, a final newline: a diff that reads.
	 */
	private static String canonical(String document) {
		return JSON.writeValueAsString(JSON.readValue(document, Map.class)) + "\n";
	}

}
