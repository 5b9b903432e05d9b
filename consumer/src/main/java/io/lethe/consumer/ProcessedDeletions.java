package io.lethe.consumer;

import java.util.function.Supplier;

/**
 * The erasures a consumer has done, by the id of the {@code PurgeStarted} event that
 * asked for them, so that a redelivered event is acknowledged again (the first answer may
 * have been lost) without erasing again.
 */
interface ProcessedDeletions {

	/**
	 * The answer recorded for the event, or else the one {@code erase} gives, recorded
	 * when final ({@link Erasure#isFinal()}); a failure is never recorded, so the next
	 * delivery tries again.
	 */
	Erasure once(String eventId, Supplier<Erasure> erase);

}
