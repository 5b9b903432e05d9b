package io.lethe.command.encoder;

import io.lethe.stores.vector.PgVectorIndex;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Each encoder's vectors live in a collection of the vector index with the encoder's
 * dimension.
 */
@Component
public class EncoderCollections implements InitializingBean {

	private final EncoderCatalog encoders;

	private final VectorIndex index;

	EncoderCollections(EncoderCatalog encoders, VectorIndex index) {
		this.encoders = encoders;
		this.index = index;
	}

	/**
	 * Creates the collections (and their HNSW indexes) that do not exist yet, before the
	 * first request.
	 */
	@Override
	public void afterPropertiesSet() {
		this.encoders.names()
			.forEach(
					(name) -> this.index.ensureCollection(collectionOf(name), this.encoders.require(name).dimension()));
	}

	public static String collectionOf(String encoderName) {
		return PgVectorIndex.collectionFor(encoderName);
	}

}
