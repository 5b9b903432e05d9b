package io.lethe.command.writes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.CommandServiceIntegrationTest.TestOrg;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Held writes on the catalog's real share links: they land with their transaction's
 * commit, never without it, and a held write that fails takes the transaction down.
 */
class DeferredWritesIntegrationTests extends CommandServiceIntegrationTest {

	private static final String REVOKE = "update catalog.share_links set revoked_at = ? where id = ?";

	@Autowired
	DeferredWrites writes;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void heldWritesAreSentAsTheTransactionCommitsAndLandWithIt() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "held");
		UUID first = shareLink(org, dataset);
		UUID second = shareLink(org, dataset);

		boolean revokedInside = this.transactions.execute((status) -> {
			this.writes.add(REVOKE, now(), first);
			this.writes.add(REVOKE, now(), second);
			return revoked(first);
		});

		assertThat(revokedInside).as("held until the commit").isFalse();
		assertThat(revoked(first)).isTrue();
		assertThat(revoked(second)).isTrue();
	}

	@Test
	void aRolledBackTransactionSendsNothingItHeld() {
		TestOrg org = newOrg();
		UUID link = shareLink(org, dataset(org, "rolled_back"));

		this.transactions.executeWithoutResult((status) -> {
			this.writes.add(REVOKE, now(), link);
			status.setRollbackOnly();
		});

		assertThat(revoked(link)).isFalse();
	}

	@Test
	void aHeldWriteThatFailsRollsBackTheWholeTransactionAndReachesTheCaller() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "failing");
		UUID direct = shareLink(org, dataset);
		UUID held = shareLink(org, dataset);

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql(REVOKE).params(now(), direct).update();
			this.writes.add(REVOKE, now(), held);
			// no such dataset: the foreign key refuses it at the commit
			this.writes.add("update catalog.share_links set dataset_id = ? where id = ?", UUID.randomUUID(), held);
		})).isInstanceOf(DataIntegrityViolationException.class);

		assertThat(revoked(direct)).as("the transaction's own write").isFalse();
		assertThat(revoked(held)).isFalse();
	}

	@Test
	void outsideATransactionAWriteRunsAtOnce() {
		TestOrg org = newOrg();
		UUID link = shareLink(org, dataset(org, "at_once"));

		this.writes.add(REVOKE, now(), link);

		assertThat(revoked(link)).isTrue();
	}

	@Test
	void aWriteIsOneStatement() {
		assertThatThrownBy(() -> this.writes.add("select 1; select 2")).isInstanceOf(IllegalArgumentException.class);
	}

	private UUID shareLink(TestOrg org, String dataset) {
		return UUID.fromString(this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), Map.of())
			.json()
			.get("id")
			.stringValue());
	}

	private boolean revoked(UUID link) {
		return this.jdbc.sql("select revoked_at is not null from catalog.share_links where id = :id")
			.param("id", link)
			.query(Boolean.class)
			.single();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
