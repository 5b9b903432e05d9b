package io.lethe.command.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A property that is another schema or {@code null} (a deletion status's {@code job} and
 * {@code receipt}) is declared {@code @Schema(types = {"object", "null"})}, which the
 * generator writes beside the {@code $ref}; but a {@code $ref} must hold too, and the
 * referenced schema is an object, so {@code null} would fail it. Written as {@code anyOf:
 * [$ref, {type: null}]}, it says what the service sends.
 */
@Configuration(proxyBeanMethods = false)
class NullableReferences {

	@Bean
	GlobalOpenApiCustomizer nullableReferenceProperties() {
		return (openApi) -> schemas(openApi).values().forEach((schema) -> {
			Map<String, Schema> properties = schema.getProperties();
			if (properties != null) {
				properties.replaceAll((name, property) -> nullable(property));
			}
		});
	}

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> schemas(OpenAPI openApi) {
		return (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null)
				? openApi.getComponents().getSchemas() : Map.of();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() == null || property.getTypes() == null || !property.getTypes().contains("null")) {
			return property;
		}
		Schema reference = new Schema<>().$ref(property.get$ref());
		Schema none = new Schema<>();
		none.addType("null");
		Schema wrapped = new Schema<>().anyOf(List.of(reference, none)).description(property.getDescription());
		return wrapped;
	}

}
