package io.lethe.events.codec;

import java.util.List;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.codec.SchemaCompatibilityGate.NamedSchema;
import io.lethe.events.codec.SchemaCompatibilityGate.Violation;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityGateTests {

	private static final Schema RELEASED = AssetDeletionRequested.getClassSchema();

	@Test
	void theCurrentSchemasPassAgainstEveryReleasedVersion() {
		List<NamedSchema> released = LetheEvents.history()
			.stream()
			.map((schema) -> new NamedSchema(schema.getName(), schema))
			.toList();
		List<Schema> current = LetheEvents.TYPES.stream()
			.map((type) -> org.apache.avro.specific.SpecificData.get().getSchema(type))
			.toList();

		assertThat(SchemaCompatibilityGate.check(current, released)).isEmpty();
	}

	@Test
	void aNewFieldWithoutADefaultFailsTheGate() {
		Schema changed = withExtraField("{\"name\": \"reason\", \"type\": \"string\"}");

		List<Violation> violations = SchemaCompatibilityGate.check(List.of(changed),
				List.of(new NamedSchema("AssetDeletionRequested/v1.avsc", RELEASED)));

		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.direction()).isEqualTo("new reader, old writer");
			assertThat(violation.detail()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
		});
	}

	@Test
	void removingAFieldWithoutADefaultFailsTheGateForOldReaders() {
		List<Schema.Field> kept = RELEASED.getFields()
			.stream()
			.filter((field) -> !field.name().equals("requested_by"))
			.map((field) -> new Schema.Field(field, field.schema()))
			.toList();
		Schema changed = Schema.createRecord(RELEASED.getName(), null, RELEASED.getNamespace(), false, kept);

		List<Violation> violations = SchemaCompatibilityGate.check(List.of(changed),
				List.of(new NamedSchema("AssetDeletionRequested/v1.avsc", RELEASED)));

		assertThat(violations).extracting(Violation::direction).containsExactly("old reader, new writer");
	}

	@Test
	void aNewOptionalFieldWithADefaultPasses() {
		Schema changed = withExtraField("{\"name\": \"reason\", \"type\": [\"null\", \"string\"], \"default\": null}");

		assertThat(SchemaCompatibilityGate.check(List.of(changed),
				List.of(new NamedSchema("AssetDeletionRequested/v1.avsc", RELEASED))))
			.isEmpty();
	}

	private static Schema withExtraField(String field) {
		String json = RELEASED.toString();
		int end = json.lastIndexOf(']');
		return new Schema.Parser().parse(json.substring(0, end) + "," + field + json.substring(end));
	}

}
