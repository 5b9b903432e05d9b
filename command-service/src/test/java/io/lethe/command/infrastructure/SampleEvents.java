package io.lethe.command.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * An instance of any Lethe event with every field set (each optional field too), built
 * from its schema so that a new event type is covered without a test change.
 */
final class SampleEvents {

	private SampleEvents() {
	}

	@SuppressWarnings("unchecked")
	static <T extends SpecificRecord> T of(Class<T> type) {
		return (T) value(SpecificData.getForClass(type).getSchema(type));
	}

	private static Object value(Schema schema) {
		LogicalType logical = schema.getLogicalType();
		return switch (schema.getType()) {
			case RECORD -> {
				SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
				for (Schema.Field field : schema.getFields()) {
					record.put(field.pos(), value(field.schema()));
				}
				yield record;
			}
			case UNION -> value(schema.getTypes()
				.stream()
				.filter((s) -> s.getType() != Schema.Type.NULL)
				.findFirst()
				.orElseThrow());
			case ARRAY -> List.of(value(schema.getElementType()));
			case STRING -> UUID.randomUUID().toString();
			case LONG -> (logical instanceof LogicalTypes.TimestampMillis)
					? Instant.ofEpochMilli(1_700_000_000_000L + (long) (Math.random() * 1e9)) : 42L;
			case INT -> 7;
			case BOOLEAN -> true;
			case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(0), schema);
			default -> throw new IllegalArgumentException("No sample for " + schema);
		};
	}

}
