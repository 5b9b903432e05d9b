package io.lethe.purge.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ids of the events already consumed ({@code purge.processed_events}), recorded in
 * the transaction of their effect: an event seen again changes nothing.
 */
@Repository
class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the event was processed before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean record(String eventId, String type) {
		return this.jdbc
			.sql("insert into purge.processed_events (event_id, event_type, processed_at) "
					+ "values (?, ?, now()) on conflict (event_id) do nothing")
			.params(eventId, type)
			.update() > 0;
	}

}
