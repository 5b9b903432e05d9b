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

	@org.springframework.beans.factory.annotation.Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	private org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

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

	/**
	 * The documents name a schema after its type's simple name, so two types of one name
	 * would share one schema and one of them would be documented with the other's fields
	 * (an operator's purge-now was once documented as a reconcile run).
	 */
	@Test
	void everySchemaNameInTheDocumentsStandsForOneType() {
		Map<String, Set<Class<?>>> byName = new java.util.TreeMap<>();
		Set<Class<?>> seen = new HashSet<>();
		this.handlers.getHandlerMethods().values().forEach((handler) -> {
			reachable(handler.getMethod().getGenericReturnType(), seen);
			for (java.lang.reflect.Parameter parameter : handler.getMethod().getParameters()) {
				if (parameter.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)) {
					reachable(parameter.getParameterizedType(), seen);
				}
			}
		});
		for (Class<?> type : seen) {
			byName.computeIfAbsent(schemaName(type), (name) -> new HashSet<>()).add(type);
		}
		assertThat(byName).as("the handlers' request and response types").hasSizeGreaterThan(50);
		assertThat(byName.entrySet().stream().filter((e) -> e.getValue().size() > 1).map(Map.Entry::toString))
			.as("schema names that stand for more than one type (name one apart with @Schema(name = ...))")
			.isEmpty();
	}

	private static String schemaName(Class<?> type) {
		io.swagger.v3.oas.annotations.media.Schema schema = type
			.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return (schema != null && !schema.name().isEmpty()) ? schema.name() : type.getSimpleName();
	}

	/**
	 * The Lethe types a handler's type documents: itself, its fields' types, their type
	 * arguments.
	 */
	private static void reachable(java.lang.reflect.Type type, Set<Class<?>> seen) {
		if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
			reachable(parameterized.getRawType(), seen);
			for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
				reachable(argument, seen);
			}
		}
		else if (type instanceof java.lang.reflect.WildcardType wildcard) {
			for (java.lang.reflect.Type bound : wildcard.getUpperBounds()) {
				reachable(bound, seen);
			}
		}
		else if (type instanceof java.lang.reflect.GenericArrayType array) {
			reachable(array.getGenericComponentType(), seen);
		}
		else if (type instanceof Class<?> type1 && type1.isArray()) {
			reachable(type1.getComponentType(), seen);
		}
		else if (type instanceof Class<?> type1 && type1.getName().startsWith("io.lethe.") && !type1.isEnum()
				&& seen.add(type1)) {
			if (type1.isRecord()) {
				for (java.lang.reflect.RecordComponent component : type1.getRecordComponents()) {
					reachable(component.getGenericType(), seen);
				}
			}
			else {
				for (java.lang.reflect.Field field : type1.getDeclaredFields()) {
					if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
						reachable(field.getGenericType(), seen);
					}
				}
			}
		}
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
