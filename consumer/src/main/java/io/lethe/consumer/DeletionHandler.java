package io.lethe.consumer;

/**
 * What a downstream team writes: how its copy of Lethe's data is erased, and optionally
 * hidden and shown again. The library calls it from {@code lethe.deletions} and
 * acknowledges each erasure to Lethe.
 * <p>
 * A deletion asks first only to {@link #hide(Root) hide}: a dataset can still be restored
 * ({@link #show(Root) show} again). Only when Lethe's purge has begun, and restore is no
 * longer possible, is the copy to be {@link #erase(Deletion) erased}.
 * <p>
 * Each method may be called again for the same event (a redelivery after a crash), so
 * each must be idempotent; erasing what is already gone is simply
 * {@link Erasure#nothingHeld()}. When the application has a {@code DataSource}, an
 * erasure runs in a transaction that also records the event as done, so an erasure
 * written with the same {@code DataSource} commits together with that record.
 */
public interface DeletionHandler {

	/**
	 * Erases the team's copy of the deleted root. Throwing is retried with back-off;
	 * after the last attempt the deletion is acknowledged {@code failed} with the cause,
	 * and the record goes to the consumer's dead-letter topic.
	 * @param deletion the root whose purge has begun
	 * @return what was erased: the acknowledgement sent to Lethe
	 * @throws Exception when the copy could not be erased
	 */
	Erasure erase(Deletion deletion) throws Exception;

	/**
	 * Hides the root while its deletion may still be undone (a dataset or an asset).
	 * @param root the root deleted
	 */
	default void hide(Root root) {
	}

	/**
	 * Shows a restored dataset again.
	 * @param root the dataset restored
	 */
	default void show(Root root) {
	}

}
