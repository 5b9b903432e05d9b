package io.lethe.command.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * What every document shares, applied to each group and to the whole: the two ways to
 * present a key, required by every route behind the key check and by no public one; the
 * problem schemas; and the problem answers that follow from a route's shape (a key check,
 * an operator check, parameters, a body), so that no route can forget them. The
 * compatibility routes answer in their own envelopes and document those themselves.
 */
class ApiContract implements GlobalOpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String BEARER = "bearerAuth";

	static final String API_KEY = "apiKeyHeader";

	private final boolean openapi31;

	ApiContract(boolean openapi31) {
		this.openapi31 = openapi31;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(components);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API key as a bearer token: `Authorization: Bearer <key>`."));
		components.addSecuritySchemes(API_KEY,
				new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("x-api-key")
					.description("The same API key in the `x-api-key` header."));
		if (openApi.getPaths() == null) {
			return;
		}
		if (openApi.getPaths().keySet().stream().map(Route::of).anyMatch((route) -> !route.compatibility())) {
			ModelConverters converters = ModelConverters.getInstance(this.openapi31);
			for (Class<?> type : List.of(ProblemSchemas.Problem.class, ProblemSchemas.ValidationProblem.class)) {
				converters.readAll(type).forEach(components::addSchemas);
			}
		}
		if (components.getSchemas() != null) {
			components.getSchemas().values().forEach(ApiContract::nullableReferences);
		}
		openApi.getPaths().forEach((path, item) -> {
			Route route = Route.of(path);
			item.readOperationsMap().values().forEach((operation) -> describe(route, operation));
		});
		openApi.setTags(tagsUsed(openApi));
	}

	private static void describe(Route route, Operation operation) {
		// a public route says so with an empty list: no security at all reads as "not
		// documented"
		operation.setSecurity(route.keyed()
				? List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY))
				: List.of());
		if (route.compatibility()) {
			return;
		}
		ApiResponses responses = operation.getResponses();
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		boolean hasBody = operation.getRequestBody() != null;
		if (hasBody) {
			problem(responses, 400,
					"The body cannot be read: not valid JSON, or a malformed multipart form " + "(`malformed-body`).");
		}
		if (route.keyed()) {
			problem(responses, 401, "No API key, or a malformed, unknown or revoked one (`unauthenticated`).");
		}
		if (route.operator()) {
			problem(responses, 403, "The key is a member or consumer key; the operator API needs an operator key.");
		}
		else if (route.keyed() && !route.compatibility()) {
			// a route's own 403 (the acknowledgements' consumer-key-required) is kept
			problem(responses, 403, "The key is a consumer key, which may only acknowledge deletions "
					+ "(`consumer-key-acknowledges-only`).");
		}
		if (parameters.stream().anyMatch((p) -> "path".equals(p.getIn()))) {
			problem(responses, 404, "Nothing of that id belongs to the key's org (`not-found`).");
		}
		if (hasBody) {
			problem(responses, 413, "The body is larger than the route accepts (`too-large`).");
			problem(responses, 415, "The body is not of a media type the route accepts (`unsupported-media-type`).");
		}
		else {
			// the body guard screens every request's Content-Type, one sent without a
			// body too
			problem(responses, 415, "The request names a Content-Type the service never accepts (a wildcard, a form, "
					+ "or not a media type: `unsupported-media-type`).");
		}
		if (hasBody || !parameters.isEmpty()) {
			validation(responses);
		}
		if (route.keyed()) {
			problem(responses, 429, "The key is over its request rate (`rate-limited`), or the client's address over "
					+ "its rate of failed authentication; see `Retry-After`.");
		}
		else if (route.shared()) {
			problem(responses, 429, "The client's address is over its rate of share link reads (`rate-limited`); "
					+ "see `Retry-After`.");
		}
		problem(responses, 503,
				"The database or object store did not complete the request; nothing was recorded, retry after `Retry-After`.");
	}

	/**
	 * A property that holds another schema or {@code null} ({@code types: [object, null]}
	 * beside its {@code $ref}) as JSON Schema says it: {@code anyOf} the schema or null,
	 * since a {@code $ref}'s own schema refuses null.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void nullableReferences(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		((Map<String, Schema>) (Map) schema.getProperties()).replaceAll((name, property) -> {
			if (property.get$ref() == null || property.getTypes() == null || !property.getTypes().contains("null")) {
				return property;
			}
			return new Schema<>().description(property.getDescription())
				.anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
		});
	}

	/** Adds a problem answer unless the route documents that status itself. */
	private static void problem(ApiResponses responses, int status, String description) {
		responses.computeIfAbsent(String.valueOf(status),
				(code) -> new ApiResponse().description(description).content(problemContent("Problem")));
	}

	private static void validation(ApiResponses responses) {
		ApiResponse response = responses.computeIfAbsent("422", (code) -> new ApiResponse()
			.description("Invalid input (`validation`): every problem is listed in `errors`."));
		response.setContent(problemContent("ValidationProblem"));
	}

	static Content problemContent(String schema) {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
	}

	/** The tags the document's operations use, in name order, with what each means. */
	private static List<Tag> tagsUsed(OpenAPI openApi) {
		Map<String, Tag> used = new TreeMap<>();
		openApi.getPaths()
			.values()
			.forEach((item) -> item.readOperations()
				.forEach((operation) -> ((operation.getTags() != null) ? operation.getTags() : List.<String>of())
					.forEach((name) -> used.put(name, new Tag().name(name).description(Tags.DESCRIPTIONS.get(name))))));
		return List.copyOf(used.values());
	}

	/**
	 * The kind of a route, from its path: who may call it and in which shape it answers.
	 */
	private record Route(boolean keyed, boolean operator, boolean compatibility, boolean shared) {

		static Route of(String path) {
			boolean shared = path.startsWith("/share/");
			// the receipts' public keys (/.well-known/jwks.json) are for anyone, as a
			// share link is
			boolean open = shared || path.startsWith("/.well-known/");
			boolean compatibility = !path.startsWith("/api/") && !open;
			return new Route(!open, path.startsWith("/api/v1/admin/"), compatibility, shared);
		}

	}

}
