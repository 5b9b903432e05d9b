package io.lethe.consumer;

import java.util.UUID;

/**
 * A root of Lethe's data: a dataset, an asset, or a batch of samples (whose id is the
 * event id of its deletion request).
 *
 * @param type {@code dataset}, {@code asset} or {@code samples}
 * @param id the root's id
 * @param orgId the organisation that owns it
 */
public record Root(String type, UUID id, UUID orgId) {
}
