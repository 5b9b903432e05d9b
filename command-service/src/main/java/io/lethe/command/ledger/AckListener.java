package io.lethe.command.ledger;

import java.util.UUID;

import io.lethe.events.DeletionAcknowledged;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.Topics;
import io.lethe.events.codec.UndecodableEventException;
import io.lethe.problems.ConflictException;
import io.lethe.problems.ForbiddenException;
import io.lethe.problems.NotFoundException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledgements from {@code lethe.deletion-acks}, recorded as the REST route records
 * them. An ack that is refused (an unknown consumer or deletion, a retired consumer, a
 * restored dataset, a malformed record) is counted by reason and logged, and the
 * partition moves on: retrying it could never make it valid. Only a database failure is
 * retried (see {@link AckKafkaConfiguration}).
 */
@Component
class AckListener {

	private static final Logger logger = LoggerFactory.getLogger(AckListener.class);

	private final EventCodec codec;

	private final LedgerService ledger;

	private final LedgerMetrics metrics;

	AckListener(EventCodec codec, LedgerService ledger, LedgerMetrics metrics) {
		this.codec = codec;
		this.ledger = ledger;
		this.metrics = metrics;
	}

	@KafkaListener(id = "lethe-deletion-acks", topics = Topics.DELETION_ACKS, groupId = AckKafkaConfiguration.GROUP,
			containerFactory = AckKafkaConfiguration.FACTORY)
	void onAck(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		SpecificRecord event;
		try {
			event = this.codec.decode(record.value());
		}
		catch (UndecodableEventException ex) {
			skip(record, "undecodable", ex.getMessage());
			return;
		}
		if (!(event instanceof DeletionAcknowledged ack)) {
			skip(record, "not-an-ack", event.getSchema().getName());
			return;
		}
		LedgerService.Ack command;
		try {
			command = new LedgerService.Ack(ack.getRootType(), UUID.fromString(ack.getRootId()),
					(ack.getDeletionEventId() != null) ? UUID.fromString(ack.getDeletionEventId()) : null,
					ack.getOutcome(), ack.getDetail(), ack.getItemsDeleted(), "kafka", ack.getEventId());
		}
		catch (IllegalArgumentException ex) {
			skip(record, "invalid", "an id is not a UUID");
			return;
		}
		if (!DownstreamConsumer.ROOT_TYPES.contains(command.rootType())
				|| !StoredAck.OUTCOMES.contains(command.outcome())
				|| (command.itemsDeleted() != null && command.itemsDeleted() < 0)) {
			skip(record, "invalid", "root_type, outcome or items_deleted out of range");
			return;
		}
		try {
			this.ledger.acknowledge(ack.getConsumer(), command);
		}
		catch (NotFoundException | ConflictException | ForbiddenException ex) {
			// counted by the ledger, by reason
			logger.warn("Ack {} of {} for {} {} refused: {}", ack.getEventId(), ack.getConsumer(), ack.getRootType(),
					ack.getRootId(), ex.getMessage());
		}
	}

	private void skip(ConsumerRecord<String, byte[]> record, String reason, String detail) {
		this.metrics.refused("kafka", reason);
		logger.warn("Record at {}-{}@{} is not a valid acknowledgement ({}); skipped", record.topic(),
				record.partition(), record.offset(), detail);
	}

}
