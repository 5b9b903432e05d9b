package io.lethe.purge.job;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.catalog.contract.SweepStatements;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety net for lost asset and samples events, beside the dataset sweep of
 * {@link PurgeJobs#sweepExpiredDatasets}: every delete the command service accepted is
 * purged some day, even when its event never reached the worker (dead-lettered, or
 * dropped before this worker existed). The catalog says what was deleted; only what was
 * deleted longer than the sweep delay ago counts, so the sweep is no race with events in
 * flight.
 * <p>
 * One worker sweeps at a time (a transaction-scoped advisory lock), so two workers never
 * give the same deleted items two jobs.
 */
@Repository
public class LostDeletionSweeps {

	/** The advisory lock that makes one sweep at a time across workers. */
	private static final long SWEEP_LOCK = 0x4c65_7468_6553_7765L;

	private final JdbcClient jdbc;

	private final SweepStatements sweeps;

	LostDeletionSweeps(JdbcClient jdbc, SweepStatements sweeps) {
		this.jdbc = jdbc;
		this.sweeps = sweeps;
	}

	/**
	 * Deleted assets that no job purges (no asset job, or only a cancelled one, and no
	 * samples job naming them as a source): each gets an asset job. An asset owned by a
	 * dataset whose purge has begun is that purge's.
	 * @return the assets that got one
	 */
	@Transactional
	public List<UUID> sweepDeletedAssets(Duration delay) {
		if (!sweepLock()) {
			return List.of();
		}
		return this.sweeps.scheduleDeletedAssets(delay);
	}

	/**
	 * Deleted items of live datasets that no job purges (not named by a samples job, not
	 * taken along by a cascading asset job): up to {@code limit} of them, one samples job
	 * per dataset, whose root is a new id and whose targets are the dataset and its
	 * items. The rest wait for the next sweep. Items of a deleted dataset are its
	 * purge's.
	 * @return the batches that were made
	 */
	@Transactional
	public List<SweptBatch> sweepDeletedItems(Duration delay, int limit) {
		if (!sweepLock()) {
			return List.of();
		}
		return this.sweeps.scheduleDeletedItems(delay, limit)
			.stream()
			.map((swept) -> new SweptBatch(swept.batch(), swept.dataset(), swept.items()))
			.toList();
	}

	private boolean sweepLock() {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SWEEP_LOCK).query(Boolean.class).single();
	}

	/**
	 * A samples job the sweep made.
	 *
	 * @param batch the job's root id
	 * @param dataset the dataset of its items
	 * @param items how many deleted items it purges
	 */
	public record SweptBatch(UUID batch, UUID dataset, long items) {
	}

}
