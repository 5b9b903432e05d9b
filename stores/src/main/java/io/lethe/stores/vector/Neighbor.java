package io.lethe.stores.vector;

import java.util.UUID;

/**
 * A search hit: the item and its cosine distance to the query (0 is identical, 2 is
 * opposite).
 */
public record Neighbor(UUID item, String embeddingName, double distance) {
}
