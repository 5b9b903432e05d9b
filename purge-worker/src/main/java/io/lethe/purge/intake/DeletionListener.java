package io.lethe.purge.intake;

import io.lethe.events.codec.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code lethe.deletions}. The offset is committed only after the transaction
 * that records the event's effect has committed: at-least-once in, exactly-once effect by
 * the event id. A record that cannot be processed goes to the dead-letter topic (see
 * {@link KafkaConfiguration}).
 */
@Component
class DeletionListener {

	static final String GROUP = "lethe-purge-worker";

	private final DeletionIntake intake;

	DeletionListener(DeletionIntake intake) {
		this.intake = intake;
	}

	@KafkaListener(id = "lethe-purge-intake", topics = Topics.DELETIONS, groupId = GROUP)
	void onDeletion(ConsumerRecord<String, SpecificRecord> record, Acknowledgment acknowledgment) {
		if (record.value() != null) {
			this.intake.accept(record.value());
		}
		acknowledgment.acknowledge();
	}

}
