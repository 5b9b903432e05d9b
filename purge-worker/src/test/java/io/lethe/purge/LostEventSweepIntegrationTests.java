package io.lethe.purge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lethe.purge.job.JobState;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RequestedVia;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deletes the command service accepted whose events never reached the worker are found in
 * the catalog and purged, as lost dataset events are.
 */
class LostEventSweepIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void aDeletedAssetWhoseEventWasLostIsFoundBySweepAndPurged() {
		UUID org = this.catalog.org();
		UUID asset = this.catalog.asset(org, null, "deleted", 3, true);
		deletedAgo("assets", asset, Duration.ofHours(1));
		UUID recent = this.catalog.asset(org, null, "deleted", 1, false);
		deletedAgo("assets", recent, Duration.ofSeconds(5));

		this.runner.runDueJobs();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(PurgeJob.ASSET, asset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = jobOf(PurgeJob.ASSET, asset);
		assertThat(job.requestedVia()).isEqualTo(RequestedVia.SWEEP);
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, asset))).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ?", asset)).isZero();
		assertThat(this.receipts.findByJob(job.id())).isPresent();
		// deleted a moment ago: its event may still be on its way
		assertThat(this.jobs.findByRoot(PurgeJob.ASSET, recent)).isEmpty();
		assertThat(this.catalog.versionsUnder(ObjectKeys.assetPrefix(org, recent))).isEqualTo(1);
	}

	@Test
	void deletedSamplesWhoseEventWasLostAreFoundBySweepAndPurged() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		List<UUID> items = this.catalog.items(org, dataset, 6);
		List<UUID> lost = items.subList(0, 3);
		this.catalog.deleteItems(items.subList(0, 4));
		lost.forEach((item) -> deletedAgo("items", item, Duration.ofHours(1)));

		this.runner.runDueJobs();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(sweptBatch(dataset).state()).isEqualTo(JobState.COMPLETED));
		PurgeJob job = sweptBatch(dataset);
		assertThat(job.requestedVia()).isEqualTo(RequestedVia.SWEEP);
		assertThat(this.receipts.findByJob(job.id())).isPresent();
		for (UUID item : lost) {
			assertThat(this.catalog.versionsUnder(ObjectKeys.itemPrefix(org, dataset, item))).isZero();
		}
		assertThat(this.vectors.countItems(lost)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.items where id = any(?)",
				(Object) lost.toArray(UUID[]::new)))
			.isZero();
		// the live items, and the one deleted a moment ago, are whole
		List<UUID> kept = items.subList(3, 6);
		assertThat(this.catalog.count("select count(*) from catalog.items where id = any(?)",
				(Object) kept.toArray(UUID[]::new)))
			.isEqualTo(3);
		assertThat(this.vectors.countItems(kept)).isEqualTo(6);
		assertThat(this.catalog.versionsUnder(ObjectKeys.datasetPrefix(org, dataset))).isEqualTo(3);
	}

	private void deletedAgo(String table, UUID id, Duration ago) {
		this.jdbc.sql("update catalog." + table + " set deleted_at = now() - ? * interval '1 second' where id = ?")
			.params(ago.toSeconds(), id)
			.update();
	}

	private PurgeJob sweptBatch(UUID dataset) {
		UUID batch = this.jdbc.sql("""
				select j.root_id from purge.jobs j join purge.job_targets t on t.job_id = j.id
				where j.root_type = 'samples' and t.kind = 'dataset' and t.target_id = ?
				""").param(dataset).query(UUID.class).optional().orElseThrow(() -> new AssertionError("no job yet"));
		return jobOf(PurgeJob.SAMPLES, batch);
	}

}
