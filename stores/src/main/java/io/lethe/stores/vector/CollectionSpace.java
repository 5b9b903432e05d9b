package io.lethe.stores.vector;

/**
 * The disk space of one vector collection and the tuple counts behind it, as PostgreSQL's
 * statistics see them (they trail the latest writes by up to a few seconds).
 *
 * @param tableBytes the table's heap and TOAST
 * @param indexBytes every index of the table, the HNSW index included
 * @param liveTuples rows the table holds
 * @param deadTuples deleted or replaced rows VACUUM has not reclaimed yet
 * @param retiredTuples rows ever deleted, or replaced outside a HOT update: each left an
 * entry in the HNSW index, which VACUUM marks but does not shrink away. Cumulative, so
 * the difference between two readings is what was retired in between.
 */
public record CollectionSpace(String collection, long tableBytes, long indexBytes, long liveTuples, long deadTuples,
		long retiredTuples) {

	public long totalBytes() {
		return this.tableBytes + this.indexBytes;
	}

}
