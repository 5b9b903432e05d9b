package io.lethe.catalog.contract;

import java.time.Duration;
import java.util.UUID;

import io.lethe.catalog.contract.SweepStatements.SweptItems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety nets for lost deletion events. */
class SweepsContractIntegrationTests {

	private static final Duration DELAY = Duration.ofMinutes(10);

	private static final Duration LONG_AGO = Duration.ofHours(1);

	private final SweepStatements statements = new SweepStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void theSweepSchedulesDeletedButUnpurgedAssetsOnce() {
		UUID lost = this.rows.asset(null, "deleted", LONG_AGO);
		UUID recent = this.rows.asset(null, "deleted", Duration.ZERO);
		UUID live = this.rows.asset(null, "ready", null);
		UUID ofAPurgingDataset = this.rows.asset(this.rows.dataset("purging"), "deleted", LONG_AGO);
		UUID withAJob = this.rows.asset(null, "deleted", LONG_AGO);
		this.rows.job("asset", withAJob, "scheduled");
		UUID cancelled = this.rows.asset(null, "deleted", LONG_AGO);
		this.rows.job("asset", cancelled, "cancelled");
		assertThat(this.statements.scheduleDeletedAssets(DELAY)).contains(lost, cancelled)
			.doesNotContain(recent, live, ofAPurgingDataset, withAJob);
		assertThat(this.statements.scheduleDeletedAssets(DELAY)).doesNotContain(lost, cancelled);
		assertThat(
				this.rows.count("select count(*) from purge.jobs where root_id = ? and state = 'scheduled'", cancelled))
			.isOne();
	}

	@Test
	void theSweepSchedulesExpiredDatasetsWithoutAJob() {
		UUID expired = this.rows.dataset("pending_deletion", LONG_AGO);
		UUID inGrace = this.rows.dataset("pending_deletion", Duration.ofHours(-1));
		UUID justExpired = this.rows.dataset("pending_deletion", Duration.ZERO);
		assertThat(this.statements.scheduleExpiredDatasets(DELAY)).contains(expired)
			.doesNotContain(inGrace, justExpired);
		assertThat(this.statements.scheduleExpiredDatasets(DELAY)).doesNotContain(expired);
	}

	@Test
	void lostItemsOfALiveDatasetGetOneSamplesJobWithTheirTargets() {
		UUID dataset = this.rows.dataset("active");
		UUID first = this.rows.item(dataset, UUID.randomUUID(), "deleted", LONG_AGO);
		UUID second = this.rows.item(dataset, UUID.randomUUID(), "deleted", LONG_AGO);
		UUID ofADeletedDataset = this.rows.item(this.rows.dataset("pending_deletion", LONG_AGO), UUID.randomUUID(),
				"deleted", LONG_AGO);
		SweptItems batch = this.statements.scheduleDeletedItems(DELAY, 100_000)
			.stream()
			.filter((swept) -> swept.dataset().equals(dataset))
			.findFirst()
			.orElseThrow();
		assertThat(batch.items()).isEqualTo(2);
		assertThat(ContractDatabase.JDBC.sql("""
				select t.kind || ':' || t.target_id from purge.job_targets t join purge.jobs j on j.id = t.job_id
				where j.root_type = 'samples' and j.root_id = ?
				""").param(batch.batch()).query(String.class).list()).containsExactlyInAnyOrder("dataset:" + dataset,
				"item:" + first, "item:" + second);
		assertThat(this.statements.scheduleDeletedItems(DELAY, 100_000))
			.noneMatch((swept) -> swept.dataset().equals(dataset));
		assertThat(this.rows.count("select count(*) from purge.job_targets where target_id = ?", ofADeletedDataset))
			.isZero();
	}

}
