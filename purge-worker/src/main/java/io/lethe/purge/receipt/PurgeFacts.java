package io.lethe.purge.receipt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a receipt attests: which root was purged, at whose request and when, how much was
 * deleted in each store, and what verification found left (nothing, or there is no
 * receipt).
 */
public record PurgeFacts(UUID jobId, String rootType, UUID rootId, UUID orgId, String requestedBy, Instant requestedAt,
		Instant purgeStartedAt, Counts counts, Verification verification) {

	/** Deleted per store: vectors, object versions (with delete markers), rows. */
	public record Counts(long vectors, long objects, long rows) {
	}

	/**
	 * What verification found left after the purge, and the object-store prefixes it
	 * listed.
	 */
	public record Verification(long rowsRemaining, long vectorsRemaining, long objectVersionsRemaining,
			long multipartUploadsRemaining, List<String> prefixes) {

		public boolean clean() {
			return this.rowsRemaining == 0 && this.vectorsRemaining == 0 && this.objectVersionsRemaining == 0
					&& this.multipartUploadsRemaining == 0;
		}

	}

}
