package io.lethe.command.outbox;

import java.util.UUID;

import io.lethe.events.codec.EventCodec;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox in the caller's transaction, so an event exists exactly
 * when the change it describes committed. Nothing here talks to Kafka: the
 * {@link OutboxRelay} does, after commit.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final EventCodec codec;

	Outbox(JdbcClient jdbc, EventCodec codec) {
		this.jdbc = jdbc;
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
		this.jdbc
			// created_at is when the event is appended, after the change it describes,
			// not
			// when its transaction began (the column's default, now()): the publish lag
			// counts from the command's commit, not from the start of the request's work
			.sql("insert into catalog.outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, "
					+ "created_at) values (:eventId, :rootType, :rootId, :type, :topic, :payload, clock_timestamp())")
			.param("eventId", eventId)
			.param("rootType", rootType)
			.param("rootId", rootId)
			.param("type", event.getSchema().getName())
			.param("topic", topic)
			.param("payload", this.codec.encode(event))
			.update();
	}

}
