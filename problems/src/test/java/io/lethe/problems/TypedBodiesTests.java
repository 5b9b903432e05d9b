package io.lethe.problems;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Types are strict, every problem is listed once, and a null is told from an absence. */
class TypedBodiesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TypedBodies bodies = new TypedBodies(JSON, Validation.buildDefaultValidatorFactory().getValidator());

	record Sample(@NotNull(message = "Field required") @Size(max = 3, message = "Too long") String shortName,
			Double rate, Boolean flag, List<String> tags) {
	}

	@Test
	void noValueIsCoercedToAnotherType() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
				() -> read("{\"flag\": \"true\", \"rate\": \"1\", \"short_name\": 1, \"tags\": \"a\"}").valid());

		assertThat(refusal.errors()).containsExactly(
				FieldError.body("short_name", "Input should be a valid string", "string_type"),
				FieldError.body("rate", "Input should be a valid number", "float_type"),
				FieldError.body("flag", "Input should be a valid boolean", "bool_type"),
				FieldError.body("tags", "Input should be a valid list", "list_type"));
	}

	@Test
	void constraintsAndItemTypesAreListedTogether() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
				() -> read("{\"short_name\": \"toolong\", \"tags\": [\"a\", 2, true]}").valid());

		assertThat(refusal.errors()).containsExactly(FieldError.body("short_name", "Too long", "string_too_long"),
				new FieldError(List.of("body", "tags", 1), "Input should be a valid string", "string_type"),
				new FieldError(List.of("body", "tags", 2), "Input should be a valid string", "string_type"));
	}

	@Test
	void aNullItemOfAListIsNamedAtItsIndex() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
				() -> read("{\"short_name\": \"abc\", \"tags\": [\"a\", null]}").valid());

		assertThat(refusal.errors()).containsExactly(
				new FieldError(List.of("body", "tags", 1), "Input should be a valid string", "string_type"));
	}

	@Test
	void aFieldSentAsNullIsPresentAndAnUnknownOneIgnored() {
		TypedBodies.Body<Sample> body = read("{\"short_name\": \"abc\", \"rate\": null, \"colour\": \"blue\"}");

		assertThat(body.valid()).isEqualTo(new Sample("abc", null, null, null));
		assertThat(body.has("rate")).isTrue();
		assertThat(body.has("flag")).isFalse();
	}

	private TypedBodies.Body<Sample> read(String json) {
		return this.bodies.read(JSON.readTree(json), Sample.class);
	}

}
