package io.lethe.command.deletion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write into a dataset that is under way while the dataset is deleted and fenced never
 * commits after the fence: the purge has fixed what it deletes and would sign a receipt
 * without it. A hook holds the upload between its object write and its row commit (the
 * org row, which the upload locks for its quota check and the asset row's foreign key
 * must share-lock, is held exclusively), so the delete and the fence happen exactly
 * there.
 */
class WritesIntoAFencedDatasetIntegrationTests extends CommandServiceIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void anUploadIntoADatasetNeverCommitsOnceItsDatasetWasFenced() throws Exception {
		TestOrg org = newOrg();
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "fenced"))
			.json()
			.get("id")
			.stringValue();
		CompletableFuture<Response> upload;
		try (Connection hook = this.dataSource.getConnection()) {
			hook.setAutoCommit(false);
			try (PreparedStatement lock = hook.prepareStatement("select 1 from catalog.orgs where id = ? for update")) {
				lock.setObject(1, org.id());
				lock.executeQuery();
			}
			upload = CompletableFuture.supplyAsync(() -> this.api.upload("/api/v1/datasets/" + dataset + "/items",
					org.key(), "late.png", "image/png", TestImages.png(16, 16), Map.of()));
			await().atMost(Duration.ofSeconds(30)).until(this::uploadWaitsToCommitItsAsset);

			assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key()).status())
				.isEqualTo(200);
			// what the purge worker's fence does, in its own transaction
			assertThat(this.jdbc
				.sql("update catalog.datasets set status = 'purging' where id = ?::uuid "
						+ "and status = 'pending_deletion'")
				.param(dataset)
				.update()).isEqualTo(1);
			hook.rollback();
		}

		Response answer = upload.get(60, TimeUnit.SECONDS);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
		assertThat(answer.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:dataset-not-active");
		assertThat(this.jdbc.sql("select count(*) from catalog.assets where owner_dataset_id = ?::uuid")
			.param(dataset)
			.query(Long.class)
			.single()).as("assets committed into the fenced dataset").isZero();
		assertThat(
				s3().listObjectVersions((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/assets/")).versions())
			.as("the upload's object, removed again")
			.isEmpty();
	}

	private boolean uploadWaitsToCommitItsAsset() {
		return this.jdbc
			.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
					+ "and (query like '%insert into catalog.assets%' or query like '%from catalog.orgs%')")
			.query(Long.class)
			.single() > 0;
	}

}
