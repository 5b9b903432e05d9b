package io.lethe.consumer;

/**
 * What a {@link DeletionHandler} did with a deletion, acknowledged to Lethe as it is.
 *
 * @param outcome {@code deleted}, {@code nothing_held} or {@code failed}
 * @param itemsDeleted how many things were erased (rows, documents), when counted
 * @param detail what happened, in the team's words (a failure's cause)
 */
public record Erasure(String outcome, Long itemsDeleted, String detail) {

	/** Lethe keeps at most this much of a detail. */
	static final int MAX_DETAIL = 4096;

	public Erasure {
		if (!"deleted".equals(outcome) && !"nothing_held".equals(outcome) && !"failed".equals(outcome)) {
			throw new IllegalArgumentException("outcome must be deleted, nothing_held or failed, not " + outcome);
		}
		if (itemsDeleted != null && itemsDeleted < 0) {
			throw new IllegalArgumentException("itemsDeleted must not be negative");
		}
		if (detail != null && detail.length() > MAX_DETAIL) {
			detail = detail.substring(0, MAX_DETAIL);
		}
	}

	/** The copy held {@code items} things, all erased now. */
	public static Erasure deleted(long items) {
		return new Erasure("deleted", items, null);
	}

	/** The copy held nothing of the root (or it was already gone). */
	public static Erasure nothingHeld() {
		return new Erasure("nothing_held", 0L, null);
	}

	/**
	 * The copy could not be erased; Lethe shows the deletion failed for this consumer
	 * until a later {@code deleted} or {@code nothing_held} answers it.
	 */
	public static Erasure failed(String detail) {
		return new Erasure("failed", null, detail);
	}

	/**
	 * Erased or found empty: done, never to be done again. A failure is not final, so a
	 * redelivery tries again.
	 */
	boolean isFinal() {
		return !"failed".equals(this.outcome);
	}

}
