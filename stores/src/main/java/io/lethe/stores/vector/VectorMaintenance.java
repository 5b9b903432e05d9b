package io.lethe.stores.vector;

/**
 * Space maintenance of a vector index that keeps its collections as PostgreSQL tables:
 * what the purge and the reconciler need beyond the port's reads and deletes. An index
 * stored elsewhere offers none ({@link VectorIndex#maintenance()} is empty), and callers
 * then leave space to that store.
 */
public interface VectorMaintenance {

	/**
	 * Reclaims the space of dead rows and refreshes statistics (outside a transaction).
	 */
	void vacuum(String collection);

	/**
	 * Rebuilds the collection's indexes without blocking reads or writes, waiting at most
	 * {@code lockTimeoutSeconds} for its locks.
	 */
	void reindex(String collection, int lockTimeoutSeconds);

	/** The collection's size on disk and the tuple counts behind it. */
	CollectionSpace space(String collection);

	/**
	 * The qualified table of a collection, for SQL that joins it with the catalog.
	 * @throws IllegalArgumentException when the name cannot be a collection
	 */
	String table(String collection);

}
