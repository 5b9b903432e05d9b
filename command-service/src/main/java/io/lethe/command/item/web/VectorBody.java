package io.lethe.command.item.web;

import java.util.ArrayList;
import java.util.List;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/** Reads a vector: a JSON array of finite numbers that fit a 32-bit float. */
final class VectorBody {

	static final int MAX_COMPONENTS = 16_000;

	private VectorBody() {
	}

	static float[] read(JsonNode node, String field) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new InvalidRequestException(FieldError.body(field, "Field required", "missing"));
		}
		if (!node.isArray() || node.isEmpty()) {
			throw new InvalidRequestException(
					FieldError.body(field, "Input should be a non-empty list of numbers", "list_type"));
		}
		if (node.size() > MAX_COMPONENTS) {
			throw new InvalidRequestException(
					FieldError.body(field, "A vector has at most " + MAX_COMPONENTS + " components", "too_long"));
		}
		float[] values = new float[node.size()];
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			JsonNode component = node.get(i);
			double value = component.isNumber() ? doubleOf(component) : Double.NaN;
			if (!component.isNumber() || !Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
				if (errors.size() < 10) {
					errors.add(new FieldError(List.of("body", field, i), "Input should be a finite number",
							"finite_number"));
				}
				continue;
			}
			values[i] = (float) value;
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return values;
	}

	/**
	 * The component as a double; NaN (refused as not finite) for a number beyond a
	 * double's range, such as {@code 1E+400}, which Jackson refuses to convert.
	 */
	private static double doubleOf(JsonNode component) {
		try {
			return component.doubleValue();
		}
		catch (JsonNodeException ex) {
			return Double.NaN;
		}
	}

}
