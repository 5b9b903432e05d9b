package io.lethe.consumer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lethe.events.DeletionAcknowledged;
import io.lethe.events.codec.EventCodec;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Acknowledges on {@code lethe.deletion-acks}: a {@code DeletionAcknowledged} keyed by
 * the root id, encoded with Lethe's codec, sent once the broker has it
 * ({@code acks=all}).
 */
class KafkaAcknowledger implements Acknowledger {

	private final KafkaOperations<String, byte[]> kafka;

	private final EventCodec codec;

	private final String consumer;

	private final String topic;

	private final Duration timeout;

	KafkaAcknowledger(KafkaOperations<String, byte[]> kafka, EventCodec codec, ConsumerProperties properties) {
		this.kafka = kafka;
		this.codec = codec;
		this.consumer = properties.name();
		this.topic = properties.ack().topic();
		this.timeout = properties.ack().timeout();
	}

	@Override
	public void acknowledge(Deletion deletion, Erasure erasure) {
		DeletionAcknowledged ack = DeletionAcknowledged.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setConsumer(this.consumer)
			.setRootType(deletion.root().type())
			.setRootId(deletion.root().id().toString())
			.setDeletionEventId(deletion.deletionEventId().toString())
			.setOutcome(erasure.outcome())
			.setDetail(erasure.detail())
			.setItemsDeleted(erasure.itemsDeleted())
			.build();
		String key = deletion.root().id().toString();
		try {
			this.kafka.send(this.topic, key, this.codec.encode(ack))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AckFailedException("interrupted while acknowledging " + key, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AckFailedException("the broker did not take the acknowledgement of " + key, ex);
		}
	}

}
