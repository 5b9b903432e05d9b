package io.lethe.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * What becomes of a record whose last try failed: a deletion the handler could not erase
 * is acknowledged {@code failed} with the cause (Lethe shows it to operators until a
 * later {@code deleted} answers it), and the record goes to the consumer's dead-letter
 * topic, with the cause in its headers, to be replayed once the cause is fixed. The
 * partition moves on.
 */
class FailedDeletions implements ConsumerRecordRecoverer {

	private static final Logger logger = LoggerFactory.getLogger(FailedDeletions.class);

	private final Acknowledger acknowledger;

	private final ConsumerRecordRecoverer deadLetters;

	private final String deadLetterTopic;

	FailedDeletions(Acknowledger acknowledger, ConsumerRecordRecoverer deadLetters, String deadLetterTopic) {
		this.acknowledger = acknowledger;
		this.deadLetters = deadLetters;
		this.deadLetterTopic = deadLetterTopic;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception ex) {
		DeletionListener.ErasureFailedException failure = erasureFailure(ex);
		if (failure != null) {
			try {
				this.acknowledger.acknowledge(failure.deletion(), Erasure.failed(rootCause(failure)));
			}
			catch (RuntimeException ackFailure) {
				logger.error("The failure of {} could not be acknowledged: {}", failure.getMessage(),
						ackFailure.getMessage());
			}
		}
		this.deadLetters.accept(record, ex);
		logger.error("Record at {}-{}@{} failed after its last try and went to {}: {}", record.topic(),
				record.partition(), record.offset(), this.deadLetterTopic, rootCause(ex));
	}

	private static DeletionListener.ErasureFailedException erasureFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DeletionListener.ErasureFailedException failure) {
				return failure;
			}
		}
		return null;
	}

	static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
