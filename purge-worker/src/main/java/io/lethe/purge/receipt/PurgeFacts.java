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
	 * What verification found left after the purge, and which object-store prefixes it
	 * covered: how many, the SHA-256 of their text in the job's order (each followed by a
	 * newline), and the prefixes themselves while they are few. A dataset has a prefix
	 * per asset, and a receipt that named 1,000,000 of them would weigh about 90 MB.
	 *
	 * @param prefixes every prefix, or null when there are more than
	 * {@link #PREFIXES_NAMED}
	 */
	public record Verification(long rowsRemaining, long vectorsRemaining, long objectVersionsRemaining,
			long multipartUploadsRemaining, long prefixCount, String prefixesSha256, List<String> prefixes) {

		/** The most prefixes a receipt names one by one. */
		public static final int PREFIXES_NAMED = 100;

		public Verification {
			// A job verified before receipts carried a digest kept the whole list.
			if (prefixesSha256 == null && prefixes != null) {
				prefixCount = prefixes.size();
				prefixesSha256 = PrefixDigest.of(prefixes);
				prefixes = (prefixes.size() <= PREFIXES_NAMED) ? List.copyOf(prefixes) : null;
			}
		}

		public boolean clean() {
			return this.rowsRemaining == 0 && this.vectorsRemaining == 0 && this.objectVersionsRemaining == 0
					&& this.multipartUploadsRemaining == 0;
		}

	}

}
