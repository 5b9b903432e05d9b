package io.lethe.problems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Payload;

/** Names a Bean Validation violation of a request record as a 422 entry. */
final class ConstraintErrors {

	private ConstraintErrors() {
	}

	/**
	 * A violation as the API has always named it: the constraint's message, and a type
	 * from its kind (and, for a size, from which bound was missed).
	 */
	static FieldError of(ConstraintViolation<?> violation) {
		List<Object> loc = new ArrayList<>(List.of("body"));
		boolean element = false;
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getKind() == ElementKind.PROPERTY) {
				loc.add(TypedBodies.snakeCase(node.getName()));
			}
			else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
				element = true;
			}
			if (node.getIndex() != null) {
				loc.add(node.getIndex());
			}
		}
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		Object value = violation.getInvalidValue();
		String type = switch (constraint) {
			case "NotNull" -> "missing";
			case "Pattern" -> "string_pattern_mismatch";
			case "Min", "DecimalMin" -> "greater_than_equal";
			case "Max", "DecimalMax" -> "less_than_equal";
			case "Size" -> sizeType(violation, value, element);
			default -> "value_error";
		};
		for (Class<? extends Payload> payload : violation.getConstraintDescriptor().getPayload()) {
			if (payload.getEnclosingClass() == TypedBodies.Types.class) {
				type = TypedBodies.snakeCase(payload.getSimpleName());
			}
		}
		return new FieldError(loc, violation.getMessage(), type);
	}

	private static String sizeType(ConstraintViolation<?> violation, Object value, boolean element) {
		int min = (Integer) violation.getConstraintDescriptor().getAttributes().get("min");
		if (value instanceof CharSequence text) {
			if (element) {
				return "string_length";
			}
			return (text.length() < min) ? "string_too_short" : "string_too_long";
		}
		int size = (value instanceof Collection<?> items) ? items.size() : Integer.MAX_VALUE;
		return (size < min) ? "too_short" : "too_long";
	}

}
