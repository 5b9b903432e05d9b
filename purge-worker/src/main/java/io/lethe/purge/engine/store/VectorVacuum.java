package io.lethe.purge.engine.store;

import java.util.Collection;

import io.lethe.purge.engine.EngineProperties;
import io.lethe.stores.vector.VectorIndex;
import io.lethe.stores.vector.VectorMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives the space of purged vectors back at once when a purge deleted many.
 * <p>
 * Deleted rows are dead tuples that autovacuum reclaims in its own time. A purge that
 * deleted more than {@code vacuum-after-vectors} vectors runs {@code VACUUM (ANALYZE)} on
 * the collections it touched (outside any transaction), so the space and the planner's
 * statistics follow the purge. The HNSW indexes are not rebuilt here: a REINDEX is left
 * to the reconciler.
 */
@Component
public class VectorVacuum {

	private static final Logger logger = LoggerFactory.getLogger(VectorVacuum.class);

	private final VectorIndex index;

	private final EngineProperties properties;

	VectorVacuum(VectorIndex index, EngineProperties properties) {
		this.index = index;
		this.properties = properties;
	}

	/**
	 * @param deleted vectors the job deleted, over all its runs
	 * @param collections the collections it deleted them from
	 */
	public void afterPurge(long deleted, Collection<String> collections) {
		VectorMaintenance pgvector = this.index.maintenance().orElse(null);
		if (deleted <= this.properties.vacuumAfterVectors() || pgvector == null) {
			return;
		}
		for (String collection : collections) {
			try {
				pgvector.vacuum(collection);
			}
			catch (RuntimeException ex) {
				// Space comes back with autovacuum anyway; a failed VACUUM must not fail
				// a purge.
				logger.warn("VACUUM of {} after a purge failed: {}", collection, ex.getMessage());
			}
		}
	}

}
