package io.lethe.command.dataset;

import java.time.Instant;

/** A legal hold on a dataset: while it stands, the dataset is never purged. */
public record LegalHold(String reason, Instant at, String by) {
}
