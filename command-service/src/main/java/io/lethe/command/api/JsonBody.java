package io.lethe.command.api;

import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field, collecting every problem instead of stopping
 * at the first, so that one 422 answer lists all of them. Unknown fields are ignored.
 * Types are strict: {@code "1"} is not a number and {@code 1} is not a string.
 */
public final class JsonBody {

	private final JsonNode node;

	private final List<FieldError> errors = new ArrayList<>();

	private JsonBody(JsonNode node) {
		this.node = node;
	}

	/**
	 * @throws InvalidRequestException when there is no body or it is not a JSON object
	 */
	public static JsonBody of(JsonNode body) {
		if (body == null || body.isMissingNode() || body.isNull()) {
			throw new InvalidRequestException(new FieldError(List.of("body"), "Field required", "missing"));
		}
		if (!body.isObject()) {
			throw new InvalidRequestException(
					new FieldError(List.of("body"), "Input should be a valid JSON object", "model_attributes_type"));
		}
		return new JsonBody(body);
	}

	/** Whether the field is present, even as {@code null}. */
	public boolean has(String field) {
		return this.node.has(field);
	}

	public String requiredString(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			error(field, "Field required", "missing");
			return null;
		}
		return string(field, value);
	}

	public String optionalString(String field) {
		JsonNode value = this.node.get(field);
		return (value == null || value.isNull()) ? null : string(field, value);
	}

	private String string(String field, JsonNode value) {
		if (!value.isString()) {
			error(field, "Input should be a valid string", "string_type");
			return null;
		}
		if (value.stringValue().indexOf('\u0000') >= 0) {
			error(field, "String should not contain NUL characters", "string_unicode");
			return null;
		}
		return value.stringValue();
	}

	public Boolean optionalBoolean(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			error(field, "Input should be a valid boolean", "bool_type");
			return null;
		}
		return value.booleanValue();
	}

	/** A finite number within {@code [min, max]}, or null when absent. */
	public Double optionalNumber(String field, double min, double max) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			error(field, "Input should be a valid number", "float_type");
			return null;
		}
		BigDecimal number = value.decimalValue();
		if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
			error(field, "Input should be greater than or equal to " + plain(min), "greater_than_equal");
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
			error(field, "Input should be less than or equal to " + plain(max), "less_than_equal");
			return null;
		}
		return number.doubleValue();
	}

	/**
	 * A list of strings, each at most {@code maxLength} long, at most {@code maxItems} of
	 * them; null when absent.
	 */
	public List<String> optionalStringList(String field, int maxItems, int maxLength) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			error(field, "Input should be a valid list", "list_type");
			return null;
		}
		if (value.size() > maxItems) {
			error(field, "List should have at most " + maxItems + " items", "too_long");
			return null;
		}
		List<String> items = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value.values()) {
			if (!item.isString()) {
				this.errors.add(
						new FieldError(List.of("body", field, index), "Input should be a valid string", "string_type"));
			}
			else if (item.stringValue().isEmpty() || item.stringValue().length() > maxLength
					|| item.stringValue().indexOf('\u0000') >= 0) {
				this.errors.add(new FieldError(List.of("body", field, index),
						"String should have 1 to " + maxLength + " characters and no NUL", "string_length"));
			}
			else if (!items.contains(item.stringValue())) {
				items.add(item.stringValue());
			}
			index++;
		}
		return items;
	}

	/** One of {@code allowed}, or null when absent. */
	public String optionalEnum(String field, Set<String> allowed) {
		String value = optionalString(field);
		if (value != null && !allowed.contains(value)) {
			error(field, "Input should be " + quotedChoice(allowed), "enum");
			return null;
		}
		return value;
	}

	/**
	 * A list of values each one of {@code allowed}, de-duplicated; null when absent. An
	 * unknown value is named at its index in the list as sent.
	 */
	public List<String> optionalEnumList(String field, Set<String> allowed) {
		List<String> values = optionalStringList(field, allowed.size() * 4, 64);
		if (values == null) {
			return null;
		}
		int index = 0;
		for (JsonNode item : this.node.get(field).values()) {
			if (item.isString() && values.contains(item.stringValue()) && !allowed.contains(item.stringValue())) {
				this.errors.add(new FieldError(List.of("body", field, index),
						"Input should be " + quotedChoice(allowed), "enum"));
			}
			index++;
		}
		return values;
	}

	/** A JSON object, returned as its JSON text, or null when absent or null. */
	public JsonNode optionalObject(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			error(field, "Input should be a valid dictionary", "dict_type");
			return null;
		}
		return value;
	}

	public void error(String field, String msg, String type) {
		this.errors.add(FieldError.body(field, msg, type));
	}

	/**
	 * @throws InvalidRequestException when any field was invalid
	 */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw new InvalidRequestException(this.errors);
		}
	}

	private static String plain(double bound) {
		return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
	}

	private static String quotedChoice(Set<String> allowed) {
		List<String> sorted = allowed.stream().sorted().map((value) -> "'" + value + "'").toList();
		if (sorted.size() == 1) {
			return sorted.get(0);
		}
		return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
	}

}
