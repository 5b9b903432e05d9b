package io.lethe.problems;

import java.util.List;

import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Resolves {@link TypedBody} parameters. The body is read as Spring reads any JSON body
 * (so a wrong media type is still a 415 and malformed JSON a 400), as a tree, and then
 * bound by {@link TypedBodies}, which keeps every problem of the body for one 422.
 */
public final class TypedBodyResolver extends RequestResponseBodyMethodProcessor {

	/** A parameter of the shape every body is first read in. */
	private static final MethodParameter TREE = new MethodParameter(
			ReflectionUtils.findMethod(TypedBodyResolver.class, "tree", JsonNode.class), 0);

	private final TypedBodies bodies;

	public TypedBodyResolver(JsonMapper json, Validator validator) {
		super(List.of(new JacksonJsonHttpMessageConverter(json)));
		this.bodies = new TypedBodies(json, validator);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(TypedBody.class);
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return false;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		JsonNode json = (JsonNode) readWithMessageConverters(webRequest, TREE, JsonNode.class);
		boolean absent = json == null || json.isMissingNode() || json.isNull();
		if (absent && !parameter.getParameterAnnotation(TypedBody.class).required()) {
			return null;
		}
		if (parameter.getParameterType() == TypedBodies.Body.class) {
			Class<?> record = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
			return this.bodies.read(json, record.asSubclass(Record.class));
		}
		return this.bodies.read(json, parameter.getParameterType().asSubclass(Record.class)).valid();
	}

	@SuppressWarnings("unused")
	private static void tree(JsonNode body) {
		// only its parameter is used, as the type a body is read as
	}

}
