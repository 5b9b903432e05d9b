package io.lethe.problems;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a JSON object body into a request record (snake_case on the wire) and lists every
 * problem in one 422. Types are Jackson's, strict ({@code "1"} is not a number, {@code 1}
 * not a string, {@code "true"} not a boolean, {@code 2.5} not an integer); sizes,
 * patterns and ranges are the record's Bean Validation constraints.
 * <p>
 * Why not {@code @Valid @RequestBody}: Jackson stops at the first value of the wrong
 * type, so a body with two would be answered one problem at a time; and a record cannot
 * tell a field left out from one sent as {@code null}, which PATCH needs. So each
 * component is bound on its own (every type error is kept), the record is then validated
 * whole, and {@link Body#sent} says which fields were present.
 */
public final class TypedBodies {

	private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

	private final JsonMapper strict;

	private final Validator validator;

	public TypedBodies(JsonMapper json, Validator validator) {
		// Only these bodies are strict; the rest of the API keeps the shared mapper.
		this.strict = json.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(integer) -> integer.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.build();
		this.validator = validator;
	}

	/**
	 * The record with what could be bound, the fields sent and the problems found so far;
	 * the caller adds its own rules and then calls {@link Body#valid()}.
	 * @throws InvalidRequestException when there is no body or it is not a JSON object
	 */
	public <T extends Record> Body<T> read(JsonNode json, Class<T> type) {
		if (json == null || json.isMissingNode() || json.isNull()) {
			throw new InvalidRequestException(new FieldError(List.of("body"), "Field required", "missing"));
		}
		if (!json.isObject()) {
			throw new InvalidRequestException(
					new FieldError(List.of("body"), "Input should be a valid JSON object", "model_attributes_type"));
		}
		RecordComponent[] components = type.getRecordComponents();
		List<String> fields = new ArrayList<>();
		// every field sent, the record's or not (a rule may refuse one the record lacks)
		List<String> sent = json.properties().stream().map(Map.Entry::getKey).toList();
		List<FieldError> errors = new ArrayList<>();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			String field = snakeCase(components[i].getName());
			fields.add(field);
			types[i] = components[i].getType();
			JsonNode value = json.get(field);
			if (value != null) {
				values[i] = value.isNull() ? null : bind(field, value, components[i].getGenericType(), errors);
			}
		}
		T record = construct(type, types, values);
		List<FieldError> unbound = List.copyOf(errors);
		for (ConstraintViolation<T> violation : this.validator.validate(record)) {
			FieldError error = ConstraintErrors.of(violation);
			// A value of the wrong type was left null: it has its problem already.
			if (unbound.stream().noneMatch((problem) -> problem.loc().equals(error.loc()))) {
				errors.add(error);
			}
		}
		return new Body<>(record, sent, errors, List.copyOf(fields));
	}

	private Object bind(String field, JsonNode value, Type type, List<FieldError> errors) {
		if (type instanceof ParameterizedType list && list.getRawType() == List.class && value.isArray()) {
			// Element by element, so that every bad item is named at its index.
			List<Object> items = new ArrayList<>();
			Type item = list.getActualTypeArguments()[0];
			for (int index = 0; index < value.size(); index++) {
				List<Object> loc = List.of("body", field, index);
				// a null item is of no item type, and no constraint of an item would see
				// it
				items.add(value.get(index).isNull() ? nullItem(loc, item, errors)
						: bind(loc, value.get(index), item, errors));
			}
			return items;
		}
		return bind(List.of("body", field), value, type, errors);
	}

	private Object bind(List<Object> loc, JsonNode value, Type type, List<FieldError> errors) {
		Object bound;
		try {
			bound = this.strict.treeToValue(value, this.strict.constructType(type));
		}
		catch (JacksonException ex) {
			errors.add(typeError(loc, value, this.strict.constructType(type).getRawClass()));
			return null;
		}
		if (bound instanceof String text && text.indexOf('\u0000') >= 0) {
			// PostgreSQL text cannot hold NUL, so no string of a body may.
			errors.add(new FieldError(loc, "String should not contain NUL characters", "string_unicode"));
			return null;
		}
		return bound;
	}

	private Object nullItem(List<Object> loc, Type item, List<FieldError> errors) {
		errors.add(typeError(loc, NullNode.getInstance(), this.strict.constructType(item).getRawClass()));
		return null;
	}

	private static FieldError typeError(List<Object> loc, JsonNode value, Class<?> type) {
		if (type == String.class || (type.isEnum() && !value.isString())) {
			return new FieldError(loc, "Input should be a valid string", "string_type");
		}
		if (type == Boolean.class || type == boolean.class) {
			return new FieldError(loc, "Input should be a valid boolean", "bool_type");
		}
		if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
			return new FieldError(loc, "Input should be a valid integer", "int_type");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return new FieldError(loc, "Input should be a valid number", "float_type");
		}
		if (Collection.class.isAssignableFrom(type)) {
			return new FieldError(loc, "Input should be a valid list", "list_type");
		}
		if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
			return new FieldError(loc, "Input should be a valid dictionary", "dict_type");
		}
		return new FieldError(loc, "Input is not a valid value", "value_error");
	}

	private static <T extends Record> T construct(Class<T> type, Class<?>[] types, Object[] values) {
		try {
			// Request records are package-private, beside their controller.
			Constructor<T> constructor = type.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot construct " + type.getName(), ex);
		}
	}

	/**
	 * Payloads that name a constraint's {@code type} where its kind alone would not, as
	 * when two constraints of one field share a documented type:
	 * {@code @Size(…, payload = Types.StringLength.class)} gives {@code string_length}.
	 */
	public static final class Types {

		private Types() {
		}

		public interface StringLength extends Payload {

		}

		public interface Missing extends Payload {

		}

	}

	/**
	 * A body read into its record: {@code value} holds what could be bound ({@code null}
	 * where a field was absent, {@code null} or invalid), {@code sent} the fields
	 * present, even as {@code null}.
	 */
	public static final class Body<T> {

		private final T value;

		private final List<String> sent;

		private final List<FieldError> errors;

		private final List<String> fields;

		Body(T value, List<String> sent, List<FieldError> errors, List<String> fields) {
			this.value = value;
			this.sent = sent;
			this.errors = new ArrayList<>(errors);
			this.fields = fields;
		}

		public T value() {
			return this.value;
		}

		/** Whether the field was present, even as {@code null}. */
		public boolean has(String field) {
			return this.sent.contains(field);
		}

		/** Whether the field already has a problem, so a rule need not add a second. */
		public boolean failed(String field) {
			return this.errors.stream().anyMatch((error) -> field.equals(field(error)));
		}

		public void error(String field, String msg, String type) {
			this.errors.add(FieldError.body(field, msg, type));
		}

		public void error(FieldError error) {
			this.errors.add(error);
		}

		/**
		 * @return the record, when nothing was invalid
		 * @throws InvalidRequestException with every problem, in the record's field order
		 */
		public T valid() {
			if (!this.errors.isEmpty()) {
				// distinct: two constraints of one field may say the same thing
				List<FieldError> sorted = new ArrayList<>(this.errors.stream().distinct().toList());
				sorted.sort(Comparator.comparingInt(this::position).thenComparingInt(TypedBodies::index));
				throw new InvalidRequestException(sorted);
			}
			return this.value;
		}

		private int position(FieldError error) {
			int position = this.fields.indexOf(field(error));
			return (position < 0) ? this.fields.size() : position;
		}

	}

	/** The wire name, as {@code @JsonNaming(SnakeCaseStrategy.class)} gives it. */
	static String snakeCase(String name) {
		return SNAKE_CASE.nameForField(null, null, name);
	}

	private static String field(FieldError error) {
		return (error.loc().size() > 1) ? String.valueOf(error.loc().get(1)) : null;
	}

	private static int index(FieldError error) {
		return (error.loc().size() > 2 && error.loc().get(2) instanceof Integer index) ? index : -1;
	}

}
