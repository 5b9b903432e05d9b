package io.lethe.command.api;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The rules of the hand-written request reader, as a client meets them in a 422:
 * {@code loc}, {@code msg} and {@code type} of each problem, all problems at once.
 */
class JsonBodyTests {

	/** As the service reads bodies ({@code spring.jackson.deserialization.*}). */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private static final Set<String> TYPES = Set.of("image", "video", "audio");

	@Test
	void aMissingOrNullBodyIsOneMissingField() {
		for (JsonNode absent : new JsonNode[] { null, MissingNode.getInstance(), NullNode.getInstance() }) {
			assertThat(refusal(() -> JsonBody.of(absent)))
				.containsExactly(new FieldError(List.of("body"), "Field required", "missing"));
		}
	}

	@Test
	void aBodyThatIsNotAJsonObjectIsRefused() {
		for (String body : List.of("[]", "\"name\"", "1", "true")) {
			assertThat(refusal(() -> JsonBody.of(json(body)))).containsExactly(
					new FieldError(List.of("body"), "Input should be a valid JSON object", "model_attributes_type"));
		}
	}

	@Test
	void aRequiredFieldThatIsAbsentOrNullIsMissing() {
		for (String body : List.of("{}", "{\"name\": null}")) {
			assertThat(errors(body, (b) -> assertThat(b.requiredString("name")).isNull()))
				.containsExactly(FieldError.body("name", "Field required", "missing"));
		}
	}

	@Test
	void optionalFieldsThatAreAbsentOrNullAreNotProblems() {
		for (String body : List.of("{}", "{\"a\": null}")) {
			assertThat(errors(body, (b) -> {
				assertThat(b.optionalString("a")).isNull();
				assertThat(b.optionalBoolean("a")).isNull();
				assertThat(b.optionalNumber("a", 0, 1)).isNull();
				assertThat(b.optionalStringList("a", 5, 5)).isNull();
				assertThat(b.optionalEnum("a", TYPES)).isNull();
				assertThat(b.optionalObject("a")).isNull();
			})).isEmpty();
		}
	}

	@Test
	void typesAreStrictSoAQuotedNumberIsNotANumberNorANumberAString() {
		String body = """
				{"fps": "1", "name": 1, "store": "true", "flag": 0, "types": "image", "config": [], "tags": {}}""";
		assertThat(errors(body, (b) -> {
			assertThat(b.optionalNumber("fps", 0, 5)).isNull();
			assertThat(b.requiredString("name")).isNull();
			assertThat(b.optionalBoolean("store")).isNull();
			assertThat(b.optionalBoolean("flag")).isNull();
			assertThat(b.optionalStringList("types", 5, 10)).isNull();
			assertThat(b.optionalObject("config")).isNull();
			assertThat(b.optionalObject("tags")).isNotNull();
		})).containsExactly(FieldError.body("fps", "Input should be a valid number", "float_type"),
				FieldError.body("name", "Input should be a valid string", "string_type"),
				FieldError.body("store", "Input should be a valid boolean", "bool_type"),
				FieldError.body("flag", "Input should be a valid boolean", "bool_type"),
				FieldError.body("types", "Input should be a valid list", "list_type"),
				FieldError.body("config", "Input should be a valid dictionary", "dict_type"));
	}

	@Test
	void wellTypedValuesAreReadAsSent() {
		String body = """
				{"name": "clips_2025", "fps": 2.5, "whole": 3, "store": false, "config": {"k": [1, 2]}}""";
		assertThat(errors(body, (b) -> {
			assertThat(b.requiredString("name")).isEqualTo("clips_2025");
			assertThat(b.optionalNumber("fps", 0, 5)).isEqualTo(2.5);
			assertThat(b.optionalNumber("whole", 0, 5)).isEqualTo(3.0);
			assertThat(b.optionalBoolean("store")).isFalse();
			assertThat(b.optionalObject("config")).hasToString("{\"k\":[1,2]}");
		})).isEmpty();
	}

	@Test
	void aStringWithANulCharacterIsRefused() {
		assertThat(errors("{\"name\": \"a\\u0000b\"}", (b) -> assertThat(b.requiredString("name")).isNull()))
			.containsExactly(FieldError.body("name", "String should not contain NUL characters", "string_unicode"));
	}

	@Test
	void aNumberOutsideItsBoundsIsRefusedWithTheBoundItCrossed() {
		assertThat(errors("{\"low\": 0, \"high\": 5.01, \"min\": 0.00001, \"max\": 5}", (b) -> {
			assertThat(b.optionalNumber("low", 0.00001, 5)).isNull();
			assertThat(b.optionalNumber("high", 0.00001, 5)).isNull();
			assertThat(b.optionalNumber("min", 0.00001, 5)).isEqualTo(0.00001);
			assertThat(b.optionalNumber("max", 0.00001, 5)).isEqualTo(5.0);
		})).containsExactly(
				FieldError.body("low", "Input should be greater than or equal to 0.00001", "greater_than_equal"),
				FieldError.body("high", "Input should be less than or equal to 5", "less_than_equal"));
	}

	@Test
	void aNumberJustOverItsBoundIsRefusedAtFullPrecision() {
		// as a double this is 5.0, within bounds: the check is on the decimal as sent
		assertThat(errors("{\"fps\": 5.0000000000000000001}", (b) -> b.optionalNumber("fps", 0, 5)))
			.extracting(FieldError::type)
			.containsExactly("less_than_equal");
	}

	@Test
	void eachBadItemOfAListIsNamedByItsIndex() {
		String body = "{\"tags\": [\"ok\", 7, \"\", \"toolong\", \"ok\", \"fine\"]}";
		assertThat(errors(body, (b) -> assertThat(b.optionalStringList("tags", 10, 5)).containsExactly("ok", "fine")))
			.containsExactly(
					new FieldError(List.of("body", "tags", 1), "Input should be a valid string", "string_type"),
					new FieldError(List.of("body", "tags", 2), "String should have 1 to 5 characters and no NUL",
							"string_length"),
					new FieldError(List.of("body", "tags", 3), "String should have 1 to 5 characters and no NUL",
							"string_length"));
	}

	@Test
	void aListOverItsMostItemsIsRefusedWhole() {
		assertThat(errors("{\"tags\": [\"a\", \"b\", \"c\"]}", (b) -> b.optionalStringList("tags", 2, 5)))
			.containsExactly(FieldError.body("tags", "List should have at most 2 items", "too_long"));
	}

	@Test
	void aValueOutsideItsEnumNamesTheChoicesInOrder() {
		assertThat(errors("{\"type\": \"gif\", \"method\": \"fast\"}", (b) -> {
			assertThat(b.optionalEnum("type", TYPES)).isNull();
			b.optionalEnum("method", Set.of("uniform"));
		})).containsExactly(FieldError.body("type", "Input should be 'audio', 'image' or 'video'", "enum"),
				FieldError.body("method", "Input should be 'uniform'", "enum"));
	}

	@Test
	void anEnumListIsDeduplicatedAndEachUnknownValueNamedWhereItWasSent() {
		String body = "{\"types\": [\"image\", \"image\", \"gif\", \"video\"]}";
		assertThat(errors(body, (b) -> assertThat(b.optionalEnumList("types", TYPES)).contains("image", "video")))
			.containsExactly(
					new FieldError(List.of("body", "types", 2), "Input should be 'audio', 'image' or 'video'", "enum"));
	}

	@Test
	void aFieldSentAsNullIsPresentButALeftOutOneIsNot() {
		JsonBody body = JsonBody.of(json("{\"description\": null}"));
		assertThat(body.has("description")).isTrue();
		assertThat(body.has("name")).isFalse();
		assertThat(body.optionalString("description")).isNull();
	}

	@Test
	void unknownFieldsAreIgnored() {
		assertThatNoException().isThrownBy(() -> {
			JsonBody body = JsonBody.of(json("{\"name\": \"a\", \"add_to_permit\": true, \"extra\": [1, {}]}"));
			body.requiredString("name");
			body.validate();
		});
	}

	@Test
	void everyProblemIsListedInOneRefusal() {
		JsonBody body = JsonBody.of(json("{\"fps\": \"2\", \"store\": 1}"));
		body.requiredString("name");
		body.optionalNumber("fps", 0, 5);
		body.optionalBoolean("store");
		body.error("encoder_name", "cannot change", "immutable");
		assertThat(refusal(body::validate)).extracting(FieldError::loc, FieldError::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("body", "name"), "missing"),
					org.assertj.core.groups.Tuple.tuple(List.of("body", "fps"), "float_type"),
					org.assertj.core.groups.Tuple.tuple(List.of("body", "store"), "bool_type"),
					org.assertj.core.groups.Tuple.tuple(List.of("body", "encoder_name"), "immutable"));
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/** The problems found reading {@code body} as {@code read} does (none: empty). */
	private static List<FieldError> errors(String body, Consumer<JsonBody> read) {
		JsonBody reader = JsonBody.of(json(body));
		read.accept(reader);
		try {
			reader.validate();
			return List.of();
		}
		catch (InvalidRequestException ex) {
			return ex.errors();
		}
	}

	private static List<FieldError> refusal(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidRequestException ex) {
			return ex.errors();
		}
		throw new AssertionError("Expected the request to be refused");
	}

}
