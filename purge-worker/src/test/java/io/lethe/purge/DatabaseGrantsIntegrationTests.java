package io.lethe.purge;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The worker's role may do with the catalog what the catalog contract does, and
 * PostgreSQL refuses it everything else: even a bug or an injected statement in the
 * worker cannot create, rewrite or read what the contract does not give it.
 */
class DatabaseGrantsIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void theWorkersRoleIsRefusedEveryWriteOutsideTheContract() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID id = UUID.randomUUID();

		assertThat(
				refusal("insert into catalog.items select * from catalog.items where dataset_id = '" + dataset + "'"))
			.isEqualTo("42501");
		assertThat(refusal(
				"update catalog.datasets set org_id = '" + UUID.randomUUID() + "' where id = '" + dataset + "'"))
			.isEqualTo("42501");
		assertThat(refusal("update catalog.items set asset_id = '" + id + "' where dataset_id = '" + dataset + "'"))
			.isEqualTo("42501");
		assertThat(refusal("delete from catalog.datasets where id = '" + dataset + "'")).isEqualTo("42501");
		assertThat(refusal("delete from catalog.orgs where id = '" + org + "'")).isEqualTo("42501");
		assertThat(refusal("select count(*) from catalog.api_keys")).isEqualTo("42501");
		assertThat(refusal("select count(*) from catalog.outbox")).isEqualTo("42501");
		assertThat(refusal("update catalog.audit set outcome = 'rewritten'")).isEqualTo("42501");
		assertThat(refusal("create table catalog.planted (id int)")).isEqualTo("42501");
	}

	@Test
	void theWorkersRoleMayDoWhatTheContractDoes() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.dataset(org, "active", null);

		Integer status = this.workerJdbc.sql("update catalog.datasets set status = status where id = ? and org_id = ?")
			.params(dataset, org)
			.update();

		assertThat(status).isEqualTo(1);
		assertThat(this.workerJdbc.sql("select current_user").query(String.class).single()).isEqualTo("lethe_worker");
	}

	/** The SQLSTATE PostgreSQL answers the statement with, as the worker's role. */
	private String refusal(String sql) {
		Throwable thrown = catchThrowable(() -> this.workerJdbc.sql(sql).update());
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException ex) {
				return ex.getSQLState();
			}
		}
		return (thrown != null) ? thrown.toString() : "accepted";
	}

}
