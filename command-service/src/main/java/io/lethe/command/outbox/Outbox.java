package io.lethe.command.outbox;

import java.util.UUID;

import io.lethe.command.writes.DeferredWrites;
import io.lethe.events.codec.EventCodec;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox in the caller's transaction, so an event exists exactly
 * when the change it describes committed (written as that transaction commits, with its
 * other {@link DeferredWrites}). Nothing here talks to Kafka: the {@link OutboxRelay}
 * does, after commit.
 */
@Component
class Outbox {

	private final DeferredWrites writes;

	private final EventCodec codec;

	Outbox(DeferredWrites writes, EventCodec codec) {
		this.writes = writes;
		this.codec = codec;
	}

	/**
	 * @param eventId the event's own id (its {@code event_id} field), the consumers'
	 * dedupe key
	 * @param rootType {@code dataset} or {@code asset}
	 * @param rootId the Kafka key: all events of one root stay ordered in one partition
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void append(UUID eventId, String rootType, UUID rootId, String topic, SpecificRecord event) {
		// created_at is when the event is written, just before the command commits,
		// not when its transaction began (the column's default, now()): the publish
		// lag counts from the commit, not from the start of the request's work
		this.writes.add(
				"insert into catalog.outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, "
						+ "created_at) values (?, ?, ?, ?, ?, ?, clock_timestamp())",
				eventId, rootType, rootId, event.getSchema().getName(), topic, this.codec.encode(event));
	}

}
