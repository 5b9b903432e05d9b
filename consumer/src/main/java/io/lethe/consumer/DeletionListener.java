package io.lethe.consumer;

import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeStarted;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.UndecodableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.MessageListener;

/**
 * Reads {@code lethe.deletions} for a {@link DeletionHandler}: {@code PurgeStarted}
 * erases (once per event, see {@link ProcessedDeletions}) and acknowledges,
 * {@code DatasetDeletionRequested} and {@code AssetDeletionRequested} hide,
 * {@code DatasetRestored} shows. A record it cannot decode, an event it has no use for
 * (the worker's, {@code DeletionCompleted}) and a root type the consumer does not hold
 * are logged and skipped: nothing on the topic can block a partition. A failure of the
 * handler or of the acknowledgement is thrown to the container's error handler, which
 * retries it ({@link FailedDeletions} after the last try).
 */
class DeletionListener implements MessageListener<String, byte[]> {

	private static final Logger logger = LoggerFactory.getLogger(DeletionListener.class);

	private final EventCodec codec;

	private final DeletionHandler handler;

	private final ProcessedDeletions processed;

	private final Acknowledger acknowledger;

	private final List<String> rootTypes;

	DeletionListener(EventCodec codec, DeletionHandler handler, ProcessedDeletions processed, Acknowledger acknowledger,
			List<String> rootTypes) {
		this.codec = codec;
		this.handler = handler;
		this.processed = processed;
		this.acknowledger = acknowledger;
		this.rootTypes = rootTypes;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		SpecificRecord event;
		try {
			event = this.codec.decode(record.value());
		}
		catch (UndecodableEventException ex) {
			logger.warn("Record at {}-{}@{} is not a Lethe event this consumer can read ({}); skipped", record.topic(),
					record.partition(), record.offset(), ex.getMessage());
			return;
		}
		try {
			dispatch(event);
		}
		catch (InvalidIdException ex) {
			logger.warn("{} at {}-{}@{} has an invalid id ({}); skipped", event.getSchema().getName(), record.topic(),
					record.partition(), record.offset(), ex.getMessage());
		}
	}

	private void dispatch(SpecificRecord event) {
		if (event instanceof PurgeStarted started) {
			Root root = new Root(started.getRootType(), uuid(started.getRootId()), uuid(started.getOrgId()));
			if (holds(root)) {
				erase(new Deletion(root, uuid(started.getDeletionEventId()), uuid(started.getEventId()),
						started.getOccurredAt()), started.getEventId());
			}
		}
		else if (event instanceof DatasetDeletionRequested deleted) {
			hide(new Root("dataset", uuid(deleted.getDatasetId()), uuid(deleted.getOrgId())));
		}
		else if (event instanceof AssetDeletionRequested deleted) {
			hide(new Root("asset", uuid(deleted.getAssetId()), uuid(deleted.getOrgId())));
		}
		else if (event instanceof DatasetRestored restored) {
			Root root = new Root("dataset", uuid(restored.getDatasetId()), uuid(restored.getOrgId()));
			if (holds(root)) {
				this.handler.show(root);
			}
		}
		else {
			logger.debug("{} is not for downstream consumers; skipped", event.getSchema().getName());
		}
	}

	private boolean holds(Root root) {
		return this.rootTypes.contains(root.type());
	}

	private void hide(Root root) {
		if (holds(root)) {
			this.handler.hide(root);
		}
	}

	private void erase(Deletion deletion, String eventId) {
		Erasure erasure = this.processed.once(eventId, () -> call(deletion));
		this.acknowledger.acknowledge(deletion, erasure);
		logger.info("Deletion of {} {} answered {} ({} items)", deletion.root().type(), deletion.root().id(),
				erasure.outcome(), erasure.itemsDeleted());
	}

	private Erasure call(Deletion deletion) {
		Erasure erasure;
		try {
			erasure = this.handler.erase(deletion);
		}
		catch (Exception ex) {
			throw new ErasureFailedException(deletion, ex);
		}
		if (erasure == null) {
			throw new ErasureFailedException(deletion, new IllegalStateException("the handler returned no Erasure"));
		}
		return erasure;
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIdException(value);
		}
	}

	/** An event whose ids are not UUIDs: no retry can fix it. */
	private static final class InvalidIdException extends RuntimeException {

		InvalidIdException(String value) {
			super("not a UUID: " + value);
		}

	}

	/** A handler that could not erase; after the last try it is acknowledged failed. */
	static class ErasureFailedException extends RuntimeException {

		private final transient Deletion deletion;

		ErasureFailedException(Deletion deletion, Throwable cause) {
			super("erasing " + deletion.root().type() + " " + deletion.root().id() + " failed: " + cause.getMessage(),
					cause);
			this.deletion = deletion;
		}

		Deletion deletion() {
			return this.deletion;
		}

	}

}
