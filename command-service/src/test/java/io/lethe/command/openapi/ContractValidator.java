package io.lethe.command.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an answer of the service against the committed OpenAPI documents
 * ({@code docs/openapi/*.json}) as a validating gateway would: the route and method are
 * documented, the status is one the operation lists, the media type is one the status
 * lists, and a JSON body conforms to its schema (JSON Schema 2020-12, OpenAPI 3.1
 * dialect, formats asserted). The documents are read once per JVM and each schema
 * compiled once.
 */
public final class ContractValidator {

	static final Path DOCUMENTS = Path.of("..", "docs", "openapi");

	private static final Path NOT_COVERED = Path.of("target", "openapi-not-covered.txt");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final String BASE = "https://contract.lethe.invalid/";

	private static volatile ContractValidator committed;

	private final Map<String, JsonNode> documents = new LinkedHashMap<>();

	private final List<Route> routes = new ArrayList<>();

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final Set<String> covered = ConcurrentHashMap.newKeySet();

	ContractValidator(Map<String, String> documents) {
		Map<String, String> byUri = new LinkedHashMap<>();
		documents.forEach((group, text) -> {
			JsonNode document = JSON.readTree(text);
			this.documents.put(group, document);
			byUri.put(BASE + group + ".json", text);
			for (String template : document.get("paths").propertyNames()) {
				this.routes.add(new Route(group, template));
			}
		});
		// the literal route first where two templates match (/assets/uploads/{id} before
		// /assets/{id}/…), as the service routes them
		this.routes.sort(Comparator.comparingInt(Route::variables).thenComparing(Route::template));
		this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), (builder) -> builder.schemas(byUri)
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	}

	/** The validator of the committed documents, read on first use. */
	public static ContractValidator committed() {
		ContractValidator validator = committed;
		if (validator == null) {
			synchronized (ContractValidator.class) {
				if (committed == null) {
					ContractValidator created = new ContractValidator(read(DOCUMENTS));
					// what the run never exercised, for a reader looking for untested
					// answers
					Runtime.getRuntime().addShutdownHook(new Thread(() -> created.writeNotCovered(NOT_COVERED)));
					committed = created;
				}
				validator = committed;
			}
		}
		return validator;
	}

	static Map<String, String> read(Path directory) {
		Map<String, String> documents = new LinkedHashMap<>();
		for (String group : OpenApiContractIntegrationTests.GROUPS) {
			try {
				documents.put(group, Files.readString(directory.resolve(group + ".json")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}

	/**
	 * What in one answer breaks the documents; empty when it conforms, or when the path
	 * is no documented route and the answer a refusal (a fuzzed or unknown path is not
	 * the contract's business unless the service accepts it).
	 * @param method the request's method
	 * @param path the request's path, without the query
	 * @param status the answer's status
	 * @param contentType the answer's {@code Content-Type}, or {@code null}
	 * @param body the answer's body (empty for none)
	 */
	public List<String> validate(String method, String path, int status, String contentType, byte[] body) {
		return validate(method, path, false, status, contentType, body);
	}

	/**
	 * As {@link #validate(String, String, int, String, byte[])}; a refusal of a request
	 * the documents do not allow (a body to a route that takes none, a path id that is
	 * not of its documented format) is not checked: a validating gateway refuses such a
	 * request before the service sees it.
	 * @param requestHasBody whether the request carried a body
	 */
	public List<String> validate(String method, String path, boolean requestHasBody, int status, String contentType,
			byte[] body) {
		Route route = this.routes.stream().filter((r) -> r.matches(path)).findFirst().orElse(null);
		boolean success = status < 400;
		if (route == null) {
			return success && documentedPrefix(path) ? List.of("no documented route matches the path") : List.of();
		}
		JsonNode operation = this.documents.get(route.group())
			.get("paths")
			.get(route.template())
			.get(method.toLowerCase(java.util.Locale.ROOT));
		if (operation == null) {
			return success ? List.of(route.template() + " documents no " + method) : List.of();
		}
		if (!success && ((requestHasBody && !operation.has("requestBody")) || !pathConforms(route, path, operation))) {
			return List.of();
		}
		String key = String.valueOf(status);
		JsonNode responses = operation.get("responses");
		String found = responses.has(key) ? key : (responses.has(key.charAt(0) + "XX") ? key.charAt(0) + "XX"
				: (responses.has("default") ? "default" : null));
		if (found == null) {
			return List.of("status " + status + " is not documented (documented: "
					+ String.join(", ", responses.propertyNames()) + ")");
		}
		this.covered.add(route.group() + " " + method + " " + route.template() + " " + found);
		JsonNode content = responses.get(found).get("content");
		if (body.length == 0 || "HEAD".equals(method)) {
			return (content == null || status == 304 || "HEAD".equals(method)) ? List.of()
					: List.of("the body is empty, the document gives " + String.join(", ", content.propertyNames()));
		}
		if (content == null) {
			return List.of("a body of " + contentType + " where the document gives none");
		}
		String mediaType = (contentType != null) ? contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT)
				: "";
		String documented = content.has(mediaType) ? mediaType : (content.has("*/*") ? "*/*" : null);
		if (documented == null) {
			return List.of("media type " + mediaType + " is not documented (documented: "
					+ String.join(", ", content.propertyNames()) + ")");
		}
		if (!content.get(documented).has("schema") || !isJson(mediaType)) {
			return List.of();
		}
		JsonNode instance;
		try {
			instance = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return List.of("the body is not JSON: " + ex.getOriginalMessage());
		}
		String pointer = "/paths/" + escape(route.template()) + "/" + method.toLowerCase(java.util.Locale.ROOT)
				+ "/responses/" + escape(found) + "/content/" + escape(documented) + "/schema";
		Schema schema = this.schemas.computeIfAbsent(route.group() + "#" + pointer,
				(id) -> this.registry.getSchema(SchemaLocation.of(BASE + route.group() + ".json#" + pointer)));
		List<String> violations = new ArrayList<>();
		for (Error error : schema.validate(instance)) {
			violations.add(error.getInstanceLocation() + ": " + error.getMessage());
		}
		return violations;
	}

	/**
	 * The documented answers (group, method, route, status) that no validated answer has
	 * exercised yet.
	 */
	public Set<String> notCovered() {
		Set<String> all = new TreeSet<>();
		this.documents.forEach((group, document) -> document.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> operation.getValue()
					.get("responses")
					.propertyNames()
					.forEach((status) -> all.add(group + " " + operation.getKey().toUpperCase(java.util.Locale.ROOT)
							+ " " + path.getKey() + " " + status)))));
		all.removeAll(this.covered);
		return all;
	}

	private void writeNotCovered(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, notCovered());
		}
		catch (IOException ex) {
			// a report only; the run's result does not depend on it
		}
	}

	private static boolean pathConforms(Route route, String path, JsonNode operation) {
		java.util.regex.Matcher values = route.pattern().matcher(path);
		if (!values.matches() || !operation.has("parameters")) {
			return true;
		}
		List<String> names = route.variableNames();
		for (JsonNode parameter : operation.get("parameters")) {
			int index = names.indexOf(parameter.get("name").stringValue());
			JsonNode format = parameter.path("schema").path("format");
			if ("path".equals(parameter.get("in").stringValue()) && index >= 0 && "uuid".equals(format.asString(""))
					&& !UUID_TEXT.matcher(values.group(index + 1)).matches()) {
				return false;
			}
		}
		return true;
	}

	private static boolean documentedPrefix(String path) {
		return path.startsWith("/api/") || path.startsWith("/share/") || path.startsWith("/v1/")
				|| path.startsWith("/v1.3/") || path.startsWith("/v2/");
	}

	private static boolean isJson(String mediaType) {
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/** A documented path template of one group, as a pattern over request paths. */
	private record Route(String group, String template, Pattern pattern, int variables) {

		Route(String group, String template) {
			this(group, template, Pattern
				.compile("\\Q" + template.replaceAll("\\{[^}/]+}", "\\\\E([^/]+)\\\\Q").replace("\\Q\\E", "") + "\\E"),
					template.split("\\{", -1).length - 1);
		}

		List<String> variableNames() {
			List<String> names = new ArrayList<>();
			java.util.regex.Matcher variable = Pattern.compile("\\{([^}/]+)}").matcher(this.template);
			while (variable.find()) {
				names.add(variable.group(1));
			}
			return names;
		}

		boolean matches(String path) {
			return this.pattern.matcher(path).matches();
		}

	}

}
