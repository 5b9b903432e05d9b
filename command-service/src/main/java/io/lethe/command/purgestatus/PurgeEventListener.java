package io.lethe.command.purgestatus;

import io.lethe.events.PurgeCompleted;
import io.lethe.events.PurgeFailed;
import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.Topics;
import io.lethe.events.codec.UndecodableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the copy of the worker's status from {@code lethe.purge-events}. Applying a
 * snapshot is idempotent and never goes back (the highest version wins), so at-least-once
 * delivery in any order leaves the copy at the worker's latest state. Records it cannot
 * use (undecodable bytes, an event type it does not know) are logged and skipped: the
 * outcome events beside the snapshots are for other consumers.
 */
@Component
class PurgeEventListener {

	private static final Logger logger = LoggerFactory.getLogger(PurgeEventListener.class);

	private final EventCodec codec;

	private final PurgeStatuses statuses;

	PurgeEventListener(EventCodec codec, PurgeStatuses statuses) {
		this.codec = codec;
		this.statuses = statuses;
	}

	@KafkaListener(id = "lethe-purge-status", topics = Topics.PURGE_EVENTS, groupId = PurgeStatusConfiguration.GROUP,
			containerFactory = PurgeStatusConfiguration.FACTORY)
	void onPurgeEvent(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		SpecificRecord event;
		try {
			event = this.codec.decode(record.value());
		}
		catch (UndecodableEventException ex) {
			logger.warn("Undecodable record at {}-{}@{} skipped: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return;
		}
		if (event instanceof PurgeJobUpdated job) {
			this.statuses.apply(job);
		}
		else if (event instanceof ReconcileRunUpdated run) {
			this.statuses.apply(run);
		}
		else if (!(event instanceof PurgeCompleted || event instanceof PurgeFailed)) {
			logger.warn("{} at {}-{}@{} is not a purge event; skipped", event.getClass().getSimpleName(),
					record.topic(), record.partition(), record.offset());
		}
	}

}
