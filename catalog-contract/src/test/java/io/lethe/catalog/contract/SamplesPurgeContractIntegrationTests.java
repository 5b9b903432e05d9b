package io.lethe.catalog.contract;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a samples purge's fence lets go of the items and sources its event named. */
class SamplesPurgeContractIntegrationTests {

	private static final UUID BEFORE_ALL = new UUID(0, 0);

	private final SamplesPurgeStatements statements = new SamplesPurgeStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void onlyDeletedItemsOfTheBatchsDatasetOrGoneOnesMayGo() {
		UUID dataset = this.rows.dataset("active");
		UUID other = this.rows.dataset("active");
		UUID deleted = this.rows.item(dataset, UUID.randomUUID(), "deleted");
		UUID live = this.rows.item(dataset, UUID.randomUUID(), "active");
		UUID elsewhere = this.rows.item(other, UUID.randomUUID(), "deleted");
		UUID gone = UUID.randomUUID();
		UUID listed = this.rows.item(dataset, UUID.randomUUID(), "deleted");
		UUID job = this.rows.job("samples", UUID.randomUUID(), "running");
		for (UUID item : new UUID[] { deleted, live, elsewhere, gone, listed }) {
			this.rows.target(job, "item", item);
		}
		this.rows.prefix(job, 0, "p/", null, listed);
		assertThat(this.statements.itemsThatMayGo(job, dataset, this.rows.org, BEFORE_ALL, 10))
			.containsExactlyInAnyOrder(deleted, gone);
	}

	@Test
	void onlyDeletedSourcesOfTheOrgOrGoneOnesMayGo() {
		UUID deleted = this.rows.asset(null, "deleted");
		UUID live = this.rows.asset(null, "ready");
		UUID gone = UUID.randomUUID();
		CatalogRows otherOrg = new CatalogRows();
		UUID notOurs = otherOrg.asset(null, "deleted");
		UUID job = this.rows.job("samples", UUID.randomUUID(), "running");
		for (UUID asset : new UUID[] { deleted, live, gone, notOurs }) {
			this.rows.target(job, "asset", asset);
		}
		assertThat(this.statements.sourcesThatMayGo(job, this.rows.org, BEFORE_ALL, 10))
			.containsExactlyInAnyOrder(deleted, gone);
	}

	@Test
	void thePagesGoOnAfterTheLastTarget() {
		UUID dataset = this.rows.dataset("active");
		UUID job = this.rows.job("samples", UUID.randomUUID(), "running");
		for (int i = 0; i < 3; i++) {
			this.rows.target(job, "item", this.rows.item(dataset, UUID.randomUUID(), "deleted"));
		}
		var first = this.statements.itemsThatMayGo(job, dataset, this.rows.org, BEFORE_ALL, 2);
		assertThat(first).hasSize(2);
		assertThat(this.statements.itemsThatMayGo(job, dataset, this.rows.org, first.get(1), 2)).hasSize(1)
			.doesNotContainAnyElementsOf(first);
	}

}
