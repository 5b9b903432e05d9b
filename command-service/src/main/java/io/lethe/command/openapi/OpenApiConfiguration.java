package io.lethe.command.openapi;

import io.lethe.command.auth.Caller;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The documents: {@code /v3/api-docs} describes every route of the service; each group
 * ({@code /v3/api-docs/{group}}) one audience's API. The server is relative, so a
 * document reads the same wherever it is served (and its snapshot never changes with the
 * port).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(servers = @Server(url = "/", description = "The service that serves this document"))
class OpenApiConfiguration {

	static final String VERSION = "v1";

	static {
		// resolved from the API key (auth), never sent as a parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
		// a tree body is a JSON object its route checks, not a JsonNode bean
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	@Bean
	ApiContract apiContract(SpringDocConfigProperties properties) {
		return new ApiContract(properties.isOpenapi31());
	}

	@Bean
	JacksonNaming jacksonNaming() {
		return new JacksonNaming();
	}

	@Bean
	ProblemOperations problemOperations() {
		return new ProblemOperations();
	}

	/**
	 * The whole service's document, {@code /v3/api-docs}: every group's routes in one.
	 */
	@Bean
	OpenApiCustomizer wholeService() {
		return (openApi) -> openApi.info(new Info().title("Lethe command service").version(VERSION).description("""
				Every route of the command service in one document: the native API, the operator \
				API and the compatibility APIs. Each is also its own document under \
				`/v3/api-docs/{native,operator,subworkflow,twelvelabs,modelarts}`."""));
	}

	@Bean
	GroupedOpenApi nativeApi() {
		return group("native", "Lethe API", """
				Datasets, assets, items, vectors, entities and share links, and their deletion: \
				soft delete with a grace period, restore, purge progress and signed receipts. \
				Authenticate with `Authorization: Bearer <key>` or `x-api-key: <key>`; errors are \
				RFC 9457 problem details. The receipts' public keys are at `/.well-known/jwks.json`, \
				with no key needed.""").pathsToMatch("/api/v1/**", "/share/**", "/.well-known/**")
			.pathsToExclude("/api/v1/admin/**")
			.build();
	}

	@Bean
	GroupedOpenApi operatorApi() {
		return group("operator", "Lethe operator API", """
				For operator keys only (a member key gets 403): purge jobs, purge-now, retries, \
				dead-letter replays, legal holds, orphan reconciliation and the audit log.""")
			.pathsToMatch("/api/v1/admin/**")
			.build();
	}

	@Bean
	GroupedOpenApi subworkflowApi() {
		return group("subworkflow", "Subworkflow-compatible API", """
				Subworkflow's `DELETE /v1/datasets/:id` (immediate expiry) in Subworkflow's \
				`{success, total, data}` envelope.""").pathsToMatch("/v1/**").build();
	}

	@Bean
	GroupedOpenApi twelveLabsApi() {
		return group("twelvelabs", "TwelveLabs-compatible API", """
				TwelveLabs' `DELETE /v1.3/assets/:asset_id?force=` and the two routes that tell \
				beforehand what would block it or be unlinked.""").pathsToMatch("/v1.3/**").build();
	}

	@Bean
	GroupedOpenApi modelArtsApi() {
		return group("modelarts", "ModelArts-compatible API", """
				Huawei ModelArts' batch delete of samples; `project_id` is the caller's org id.""")
			.pathsToMatch("/v2/**")
			.build();
	}

	private static GroupedOpenApi.Builder group(String name, String title, String description) {
		return GroupedOpenApi.builder()
			.group(name)
			.displayName(title)
			.addOpenApiCustomizer(
					(openApi) -> openApi.info(new Info().title(title).version(VERSION).description(description)));
	}

}
