package io.lethe.stores.vector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vector index: one collection per encoder, each with a fixed dimension. Every vector
 * belongs to an item of a dataset of an org and has an embedding name. Deleting is by
 * dataset or by item, in bounded chunks, and treats "already gone" as done.
 */
public interface VectorIndex {

	/** Creates the collection (and its nearest-neighbour index) if it does not exist. */
	void ensureCollection(String collection, int dimension);

	/** The collections that exist, whatever created them. */
	List<String> collections();

	/** Stores or replaces the vector of an item's embedding. */
	void upsert(String collection, VectorEntry entry);

	/**
	 * The nearest live vectors of a dataset's embedding, nearest first. {@code live} is
	 * asked which candidate items still count, so that deleted items never appear even
	 * before their vectors are purged.
	 */
	List<Neighbor> search(String collection, UUID dataset, String embeddingName, float[] query, int k, LiveItems live);

	/**
	 * The embedding names each of the given items has vectors for, over all collections.
	 */
	Map<UUID, List<String>> embeddingNames(Collection<UUID> items);

	/**
	 * Deletes up to {@code limit} vectors of the dataset from one collection; returns how
	 * many it deleted.
	 */
	int deleteDatasetChunk(String collection, UUID dataset, int limit);

	/**
	 * Deletes every vector of the given items from every collection; returns how many it
	 * deleted.
	 */
	int deleteItems(Collection<UUID> items);

	/** Vectors of the dataset left in all collections; zero after a purge. */
	long countDataset(UUID dataset);

	/** Vectors of the given items left in all collections. */
	long countItems(Collection<UUID> items);

	/**
	 * Space maintenance, when the index keeps its collections in PostgreSQL; empty for an
	 * index that looks after its own space.
	 */
	default java.util.Optional<VectorMaintenance> maintenance() {
		return java.util.Optional.empty();
	}

	/** Which of the candidate items still count for search. */
	@FunctionalInterface
	interface LiveItems {

		java.util.Set<UUID> filter(List<UUID> candidates);

	}

}
