package io.lethe.command.dataset;

import java.time.Duration;

/**
 * Published inside the transaction that soft-deletes a dataset; listeners (share links,
 * the outbox) act in that same transaction, so the delete and its consequences commit or
 * fail together.
 */
public record DatasetSoftDeleted(Dataset dataset, Duration grace) {
}
