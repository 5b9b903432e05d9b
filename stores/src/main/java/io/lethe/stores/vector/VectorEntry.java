package io.lethe.stores.vector;

import java.util.UUID;

/** One vector: whose it is and its components. */
public record VectorEntry(UUID org, UUID dataset, UUID item, String embeddingName, float[] values) {
}
