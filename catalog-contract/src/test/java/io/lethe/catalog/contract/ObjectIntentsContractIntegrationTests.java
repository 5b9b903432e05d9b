package io.lethe.catalog.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Object intents as purges and the reconciler read and remove them. */
class ObjectIntentsContractIntegrationTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final ObjectIntentStatements statements = new ObjectIntentStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void aPurgeRemovesOnlyTheOldIntentsUnderItsPrefixes() {
		String prefix = "orgs/" + this.rows.org + "/assets/" + UUID.randomUUID() + "/";
		UUID job = this.rows.job("asset", UUID.randomUUID(), "running");
		this.rows.prefix(job, 0, prefix, null, null);
		this.rows.intent(prefix + "a", Duration.ofHours(1));
		this.rows.intent(prefix + "b", Duration.ofHours(1));
		this.rows.intent(prefix + "fresh", Duration.ZERO);
		this.rows.intent("orgs/" + this.rows.org + "/elsewhere", Duration.ofHours(1));
		assertThat(this.statements.oldUnderJob(job, WINDOW, null, 1)).containsExactly(prefix + "a");
		assertThat(this.statements.oldUnderJob(job, WINDOW, prefix + "a", 10)).containsExactly(prefix + "b");
		assertThat(this.statements.oldUnderJobCount(job, WINDOW)).isEqualTo(2);
		assertThat(this.statements.freshUnderJobCount(job, WINDOW)).isOne();
		assertThat(this.statements.delete(new String[] { prefix + "a", prefix + "b" })).isEqualTo(2);
		assertThat(this.statements.oldUnderJobCount(job, WINDOW)).isZero();
		assertThat(this.statements.freshUnderJobCount(job, WINDOW)).isOne();
	}

	@Test
	void theReconcilerForgetsOnlyIntentsOlderThanItsCutoff() {
		String prefix = "orgs/" + this.rows.org + "/";
		this.rows.intent(prefix + "old", Duration.ofHours(2));
		this.rows.intent(prefix + "young", Duration.ZERO);
		Instant cutoff = Instant.now().minus(Duration.ofHours(1));
		assertThat(this.statements.olderThan(prefix, cutoff, "", 10)).containsExactly(prefix + "old");
		assertThat(this.statements.createdAt(new String[] { prefix + "old", prefix + "young", prefix + "none" }))
			.containsOnlyKeys(prefix + "old", prefix + "young");
		assertThat(this.statements.forget(prefix + "young", cutoff)).isZero();
		assertThat(this.statements.forget(new String[] { prefix + "old", prefix + "young" }, cutoff)).isOne();
		assertThat(this.statements.olderThan(prefix, cutoff, "", 10)).isEmpty();
	}

}
