package io.lethe.command.ledger.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.lethe.command.ledger.ConsumerService.ConsumerChange;
import io.lethe.command.ledger.ConsumerService.NewConsumer;
import io.lethe.command.ledger.DownstreamConsumer;
import io.lethe.command.ledger.LedgerService.Ack;
import io.lethe.problems.FieldError;
import io.lethe.problems.TypedBodies;
import tools.jackson.databind.JsonNode;

/**
 * Turns the ledger's bodies into commands: {@link TypedBodies} binds and validates the
 * records; the rules Bean Validation cannot say (root types, a duration's range) are
 * here. Every problem is answered in one 422.
 */
class ConsumerRequests {

	static final String NAME = "A unique name: letters, digits, `_`, `-` and `.`, 1 to 100 characters.";

	static final String NAME_CHARACTERS = "^[A-Za-z0-9_.-]*$";

	static final String NAME_MISMATCH = "String should match pattern '" + NAME_CHARACTERS + "'";

	static final String NAME_LENGTH = "String should have 1 to 100 characters";

	static final String DEADLINE = """
			How long it has to acknowledge once the purge began: an ISO-8601 duration from `PT1S` to \
			`P90D`.""";

	private static final Duration MAX_DEADLINE = Duration.ofDays(90);

	private final TypedBodies bodies;

	ConsumerRequests(TypedBodies bodies) {
		this.bodies = bodies;
	}

	NewConsumer register(JsonNode json) {
		TypedBodies.Body<ConsumerRegistration> body = this.bodies.read(json, ConsumerRegistration.class);
		ConsumerRegistration r = body.value();
		List<String> types = rootTypes(body, r.rootTypes());
		Duration deadline = deadline(body, r.ackDeadline());
		body.valid();
		return new NewConsumer(r.name(), types, deadline, (r.required() != null) ? r.required() : true);
	}

	ConsumerChange update(JsonNode json) {
		TypedBodies.Body<ConsumerUpdate> body = this.bodies.read(json, ConsumerUpdate.class);
		ConsumerUpdate u = body.value();
		for (String field : List.of("name", "root_types", "ack_deadline", "required")) {
			if (body.has(field) && json.get(field).isNull()) {
				body.error(field, "Input should not be null", "null_not_allowed");
			}
		}
		List<String> types = rootTypes(body, u.rootTypes());
		Duration deadline = deadline(body, u.ackDeadline());
		body.valid();
		return new ConsumerChange(u.name(), types, deadline, u.required());
	}

	Ack ack(String rootType, UUID rootId, JsonNode json) {
		TypedBodies.Body<AckCreate> body = this.bodies.read(json, AckCreate.class);
		AckCreate a = body.value();
		UUID deletion = null;
		if (a.deletionEventId() != null) {
			try {
				deletion = UUID.fromString(a.deletionEventId());
			}
			catch (IllegalArgumentException ex) {
				body.error("deletion_event_id", "Input should be a valid UUID", "uuid_parsing");
			}
		}
		if (!DownstreamConsumer.ROOT_TYPES.contains(rootType)) {
			body.error(FieldError.path("root_type", "Input should be 'dataset', 'asset' or 'samples'", "enum"));
		}
		body.valid();
		return new Ack(rootType, rootId, deletion, a.outcome(), a.detail(), a.itemsDeleted(), "rest", null);
	}

	private static List<String> rootTypes(TypedBodies.Body<?> body, List<String> types) {
		if (types == null || body.failed("root_types")) {
			return null;
		}
		if (types.isEmpty()) {
			body.error("root_types", "List should have at least 1 item", "too_short");
		}
		for (int i = 0; i < types.size(); i++) {
			if (types.get(i) == null || !DownstreamConsumer.ROOT_TYPES.contains(types.get(i))) {
				body.error(new FieldError(List.of("body", "root_types", i),
						"Input should be 'dataset', 'asset' or 'samples'", "enum"));
			}
		}
		return types.stream().distinct().toList();
	}

	private static Duration deadline(TypedBodies.Body<?> body, String value) {
		if (value == null || body.failed("ack_deadline")) {
			return null;
		}
		try {
			Duration deadline = Duration.parse(value);
			if (deadline.toSeconds() < 1 || deadline.compareTo(MAX_DEADLINE) > 0) {
				body.error("ack_deadline", "Between PT1S and " + MAX_DEADLINE, "range");
			}
			return deadline;
		}
		catch (DateTimeParseException ex) {
			body.error("ack_deadline", "Input should be an ISO-8601 duration such as PT24H", "duration_parsing");
			return null;
		}
	}

}
