package io.lethe.command.dataset;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lethe.problems.ConflictException;
import io.lethe.problems.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds on datasets, placed and released by operators: while a hold stands, the
 * dataset is never purged, and nothing it holds or references can be deleted by any route
 * ({@link #conflict} is the answer).
 */
@Service
public class LegalHolds {

	private final Datasets datasets;

	private final Clock clock;

	LegalHolds(Datasets datasets, Clock clock) {
		this.datasets = datasets;
		this.clock = clock;
	}

	/**
	 * Places (or updates) a legal hold on any org's dataset that is not being purged
	 * already.
	 */
	@Transactional
	public Dataset place(UUID id, String reason, String by) {
		Dataset dataset = this.datasets.lockAnyOrg(id).orElseThrow(() -> new NotFoundException("Dataset " + id));
		if (dataset.status() == DatasetStatus.PURGING || dataset.status() == DatasetStatus.PURGED) {
			throw new ConflictException("purge-started",
					"Dataset " + id + " is " + dataset.status().value() + "; a hold can no longer stop its purge.",
					Map.of("dataset_status", dataset.status().value()));
		}
		this.datasets.setLegalHold(id, new LegalHold(reason, now(), by));
		return dataset;
	}

	/**
	 * Releases the hold; returns the dataset as it was and the hold that was released.
	 */
	@Transactional
	public Released release(UUID id) {
		Dataset dataset = this.datasets.lockAnyOrg(id).orElseThrow(() -> new NotFoundException("Dataset " + id));
		LegalHold hold = this.datasets.legalHold(id)
			.orElseThrow(() -> new NotFoundException("Legal hold on dataset " + id));
		this.datasets.setLegalHold(id, null);
		return new Released(dataset, hold, dataset.status() == DatasetStatus.PENDING_DELETION
				&& dataset.expiresAt() != null && !dataset.expiresAt().isAfter(now()));
	}

	@Transactional(readOnly = true)
	public Optional<LegalHold> find(UUID id) {
		return this.datasets.legalHold(id);
	}

	/** A released hold: {@code due} when the dataset may be purged at once. */
	public record Released(Dataset dataset, LegalHold hold, boolean due) {
	}

	/**
	 * The answer when a legal hold protects what a request would delete: 409
	 * {@code legal-hold} naming the held datasets.
	 */
	public static ConflictException conflict(List<UUID> held, String reason) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.put("dataset_id", held.get(0));
		properties.put("datasets", List.copyOf(held));
		if (reason != null) {
			properties.put("reason", reason);
		}
		return new ConflictException("legal-hold",
				((held.size() == 1) ? "Dataset " + held.get(0) + " is" : "Datasets " + held + " are")
						+ " under legal hold; what it holds or references cannot be deleted.",
				properties);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
