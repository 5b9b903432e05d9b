package io.lethe.command.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.testkit.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the command service serves, read from its own OpenAPI document, so that a
 * route added later is covered by the security suite without anyone remembering to add
 * it.
 */
final class ApiRoutes {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private ApiRoutes() {
	}

	static List<Route> of(Api api) {
		Api.Response docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		List<Route> routes = new ArrayList<>();
		JsonNode paths = docs.json().get("paths");
		for (String path : paths.propertyNames()) {
			JsonNode operations = paths.get(path);
			for (String method : operations.propertyNames()) {
				JsonNode body = operations.get(method).get("requestBody");
				List<String> contentTypes = new ArrayList<>();
				if (body != null && body.has("content")) {
					contentTypes.addAll(body.get("content").propertyNames());
				}
				routes.add(new Route(method.toUpperCase(Locale.ROOT), path, contentTypes));
			}
		}
		assertThat(routes).as("routes in /v3/api-docs").hasSizeGreaterThan(30);
		return routes;
	}

	/** One operation: its method, path template and the body types it consumes. */
	record Route(String method, String path, List<String> contentTypes) {

		boolean isAdmin() {
			return this.path.startsWith("/api/v1/admin/");
		}

		/** Routes for downstream consumers' keys only (their acknowledgements). */
		boolean isForConsumers() {
			return this.path.startsWith("/api/v1/deletions/");
		}

		/** The share link and the receipts' public keys: no key needed. */
		boolean isPublic() {
			return this.path.startsWith("/share/") || this.path.startsWith("/.well-known/");
		}

		boolean hasPathVariables() {
			return this.path.contains("{");
		}

		boolean multipart() {
			return this.contentTypes.stream().anyMatch((type) -> type.startsWith("multipart/"));
		}

		boolean binary() {
			return this.path.contains("/parts/");
		}

		List<String> variables() {
			List<String> names = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(this.path);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		/** The path with each variable replaced by what {@code value} gives for it. */
		String expand(java.util.function.Function<String, String> value) {
			Matcher matcher = VARIABLE.matcher(this.path);
			StringBuilder expanded = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(expanded, Matcher.quoteReplacement(value.apply(matcher.group(1))));
			}
			matcher.appendTail(expanded);
			return expanded.toString();
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
