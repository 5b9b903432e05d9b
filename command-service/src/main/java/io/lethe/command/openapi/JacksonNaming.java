package io.lethe.command.openapi;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Names a schema's properties as the service writes them. The records say
 * {@code @JsonNaming(SnakeCaseStrategy)} in Jackson 3's package, which swagger-core (on
 * Jackson 2) does not read, so without this every documented field would be camelCase
 * while the service sends snake_case. The names come from the record's own strategy.
 */
class JacksonNaming implements ModelConverter {

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> schema = chain.next().resolve(type, context, chain);
		Class<?> raw = rawClass(type.getType());
		JsonNaming naming = (raw != null) ? raw.getAnnotation(JsonNaming.class) : null;
		if (schema != null && naming != null) {
			// a converter further down may answer a reference to the model it defined
			Schema<?> model = (schema.get$ref() != null) ? context.getDefinedModels().get(refName(schema.get$ref()))
					: schema;
			if (model != null && model.getProperties() != null) {
				rename(model, strategy(naming));
			}
		}
		return schema;
	}

	private static Class<?> rawClass(java.lang.reflect.Type type) {
		if (type instanceof Class<?> plain) {
			return plain;
		}
		// swagger-core passes Jackson 2 types
		if (type instanceof com.fasterxml.jackson.databind.JavaType javaType) {
			return javaType.getRawClass();
		}
		if (type instanceof java.lang.reflect.ParameterizedType parameterized
				&& parameterized.getRawType() instanceof Class<?> plain) {
			return plain;
		}
		return null;
	}

	private static String refName(String ref) {
		return ref.substring(ref.lastIndexOf('/') + 1);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void rename(Schema schema, PropertyNamingStrategy strategy) {
		Map<String, Schema> renamed = new LinkedHashMap<>();
		((Map<String, Schema>) schema.getProperties())
			.forEach((name, property) -> renamed.put(strategy.nameForField(null, null, name), property));
		schema.setProperties(renamed);
		List<String> required = schema.getRequired();
		if (required != null) {
			schema.setRequired(required.stream().map((name) -> strategy.nameForField(null, null, name)).toList());
		}
	}

	private static PropertyNamingStrategy strategy(JsonNaming naming) {
		try {
			return naming.value().getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + naming.value(), ex);
		}
	}

}
