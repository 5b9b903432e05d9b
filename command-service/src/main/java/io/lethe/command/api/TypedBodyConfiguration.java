package io.lethe.command.api;

import java.util.List;

import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.lethe.problems.TypedBodyResolver;
import jakarta.validation.Validator;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

/**
 * Request bodies read into records ({@link TypedBody}), and documented as such: the
 * document shows the record (not the {@link TypedBodies.Body} around it) and whether a
 * body must be sent.
 */
@Configuration(proxyBeanMethods = false)
class TypedBodyConfiguration implements WebMvcConfigurer {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	static {
		// Body<R> is read as R: document R
		SpringDocUtils.getConfig().addResponseWrapperToIgnore(TypedBodies.Body.class);
	}

	private final JsonMapper json;

	private final Validator validator;

	TypedBodyConfiguration(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new TypedBodyResolver(this.json, this.validator));
	}

	/**
	 * springdoc sees a {@link TypedBody} parameter as a query parameter of the record's
	 * schema; it is the request body.
	 */
	@Bean
	static GlobalOperationCustomizer typedBodies() {
		return (operation, handler) -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				TypedBody typed = parameter.getParameterAnnotation(TypedBody.class);
				if (typed != null && operation.getParameters() != null) {
					parameter.initParameterNameDiscovery(NAMES);
					operation.getParameters()
						.stream()
						.filter((p) -> "query".equals(p.getIn()) && p.getName().equals(parameter.getParameterName()))
						.findFirst()
						.ifPresent((query) -> {
							operation.getParameters().remove(query);
							// a route may take other media types too (JSON or multipart)
							RequestBody body = (operation.getRequestBody() != null) ? operation.getRequestBody()
									: new RequestBody().content(new Content());
							body.getContent()
								.addMediaType(APPLICATION_JSON_VALUE, new MediaType().schema(query.getSchema()));
							operation
								.setRequestBody(body.required(typed.required() ? Boolean.TRUE : body.getRequired()));
						});
				}
			}
			if (operation.getParameters() != null && operation.getParameters().isEmpty()) {
				operation.setParameters(null);
			}
			return operation;
		};
	}

}
