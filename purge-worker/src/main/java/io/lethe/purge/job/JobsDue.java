package io.lethe.purge.job;

/**
 * Published (as a Spring application event, in the transaction that wrote it) when a job
 * became due at once: an asset or samples deletion, a dataset deleted without grace, an
 * operator's purge-now. The runner starts it once that transaction commits instead of at
 * its next schedule tick.
 */
public record JobsDue(String rootType) {
}
