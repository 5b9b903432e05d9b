package io.lethe.catalog.contract;

import java.time.Duration;
import java.util.UUID;

import io.lethe.catalog.contract.DatasetPurgeStatements.DatasetRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dataset purge's fence and tombstone, on the migrated catalog. */
class DatasetPurgeContractIntegrationTests {

	private final DatasetPurgeStatements statements = new DatasetPurgeStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void lockingADatasetHoldsItsRowUntilTheFenceCommits() {
		UUID dataset = this.rows.dataset("pending_deletion", Duration.ofMinutes(1));
		this.rows.hold(dataset);
		DatasetRow row = ContractDatabase.TRANSACTIONS.execute((tx) -> {
			DatasetRow locked = this.statements.lock(dataset).orElseThrow();
			CatalogRows.assertLocked("catalog.datasets", dataset);
			return locked;
		});
		assertThat(row.orgId()).isEqualTo(this.rows.org);
		assertThat(row.status()).isEqualTo("pending_deletion");
		assertThat(row.due()).isTrue();
		assertThat(row.held()).isTrue();
		assertThat(row.legalHold()).isEqualTo("court");
		assertThat(this.statements.lock(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aDatasetWithinItsGraceIsNotDue() {
		UUID dataset = this.rows.dataset("pending_deletion", Duration.ofHours(-1));
		DatasetRow row = this.statements.lock(dataset).orElseThrow();
		assertThat(row.due()).isFalse();
		assertThat(row.held()).isFalse();
	}

	@Test
	void fencingADatasetKeepsAnAssetALiveItemElsewhereUses() {
		UUID dataset = this.rows.dataset("pending_deletion", Duration.ofMinutes(1));
		UUID other = this.rows.dataset("active");
		UUID shared = this.rows.asset(dataset, "ready");
		UUID ownOnly = this.rows.asset(dataset, "ready");
		UUID deletedElsewhere = this.rows.asset(dataset, "ready");
		this.rows.item(other, shared, "active");
		this.rows.item(dataset, ownOnly, "active");
		this.rows.item(other, deletedElsewhere, "deleted");
		this.statements.markPurging(dataset);
		assertThat(this.statements.releaseSharedAssets(dataset)).isEqualTo(1);
		assertThat(owner(shared)).isNull();
		assertThat(owner(ownOnly)).isEqualTo(dataset);
		assertThat(owner(deletedElsewhere)).isEqualTo(dataset);
		assertThat(this.statements.lock(dataset).orElseThrow().status()).isEqualTo("purging");
	}

	@Test
	void onlyADatasetPendingDeletionIsFenced() {
		UUID restored = this.rows.dataset("active");
		this.statements.markPurging(restored);
		assertThat(this.statements.lock(restored).orElseThrow().status()).isEqualTo("active");
	}

	@Test
	void theFenceListsEachOwnedAssetOnceFromTheOrdinalItIsGiven() {
		UUID dataset = this.rows.dataset("purging");
		UUID first = this.rows.asset(dataset, "ready");
		UUID second = this.rows.asset(dataset, "deleted");
		this.rows.asset(null, "ready");
		UUID job = this.rows.job("dataset", dataset, "running");
		this.rows.prefix(job, 0, "orgs/o/datasets/d/", null, null);
		assertThat(this.statements.addOwnedAssetPrefixes(job, dataset, 1, "orgs/o/assets/")).isEqualTo(2);
		assertThat(this.statements.addOwnedAssetPrefixes(job, dataset, 3, "orgs/o/assets/")).isZero();
		assertThat(ContractDatabase.JDBC
			.sql("select prefix from purge.job_prefixes where job_id = ? and ordinal >= 1 order by ordinal")
			.param(job)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("orgs/o/assets/" + first + "/", "orgs/o/assets/" + second + "/")
			.hasSize(2);
		assertThat(this.rows.count("select max(ordinal) from purge.job_prefixes where job_id = ?", job)).isEqualTo(2);
	}

	@Test
	void aTombstoneKeepsTheIdAndOrgAndScrubsTheContent() {
		UUID dataset = this.rows.dataset("purging");
		this.statements.tombstone(dataset);
		assertThat(ContractDatabase.JDBC
			.sql("select status || '/' || name || '/' || coalesce(description, '-') from catalog.datasets "
					+ "where id = ? and org_id = ?")
			.params(dataset, this.rows.org)
			.query(String.class)
			.single()).isEqualTo("purged/purged/-");
	}

	private static UUID owner(UUID asset) {
		return ContractDatabase.JDBC.sql("select owner_dataset_id from catalog.assets where id = ?")
			.param(asset)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

}
