package io.lethe.command.dataset;

import java.time.Instant;

/** Published inside the transaction that restores a dataset pending deletion. */
public record DatasetRestored(Dataset dataset, String by, Instant at) {
}
