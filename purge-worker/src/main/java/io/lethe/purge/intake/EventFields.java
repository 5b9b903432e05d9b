package io.lethe.purge.intake;

import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Reads and checks the fields every Lethe event shares, by name. */
final class EventFields {

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private EventFields() {
	}

	static String type(SpecificRecord event) {
		return event.getSchema().getName();
	}

	/** The event's {@code event_id}: the dedupe key, so it must be a UUID. */
	static String eventId(SpecificRecord event) {
		return uuid(event, "event_id", text(event, "event_id")).toString();
	}

	static UUID orgId(SpecificRecord event) {
		return uuid(event, "org_id", text(event, "org_id"));
	}

	/** A field holding an id, as a UUID in canonical form. */
	static UUID uuid(SpecificRecord event, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException(type(event) + " has no " + field);
		}
		if (!CANONICAL_UUID.matcher(value).matches()) {
			throw new InvalidEventException(type(event) + " has a " + field + " that is not a UUID: '" + value + "'");
		}
		return UUID.fromString(value);
	}

	private static String text(SpecificRecord event, String field) {
		Schema.Field schemaField = event.getSchema().getField(field);
		if (schemaField == null) {
			throw new InvalidEventException(type(event) + " has no field " + field);
		}
		Object value = event.get(schemaField.pos());
		return (value != null) ? value.toString() : null;
	}

}
