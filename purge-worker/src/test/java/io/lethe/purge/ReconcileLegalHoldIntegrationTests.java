package io.lethe.purge;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler never removes what a dataset under legal hold holds or references, not
 * even what it would remove anywhere else (extra versions, unowned keys, orphan vectors):
 * a hold keeps the evidence as it is.
 */
class ReconcileLegalHoldIntegrationTests extends PurgeWorkerIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theReconcilerKeepsEveryKeyAndVectorOfAHeldDatasetAndTheAssetsItOwnsOrUses() {
		UUID org = this.catalog.org();
		Leftovers leftovers = new Leftovers(this.jdbc, this.objects, this.vectors, this.catalog, org);
		UUID held = this.catalog.dataset(org, "active", null);
		Map<String, String> previews = leftovers.liveItems(held, 2);
		String preview = previews.keySet().iterator().next();
		leftovers.writtenAgain(preview, Leftovers.random());
		String stray = leftovers
			.unowned(ObjectKeys.datasetPrefix(org, held) + "items/" + UUID.randomUUID() + "/preview.jpg");
		String owned = leftovers.liveAsset(held).getKey();
		leftovers.writtenAgain(owned, Leftovers.random());
		UUID used = this.catalog.asset(org, null, "ready", 2, false);
		this.catalog.itemUsing(org, held, used);
		leftovers.orphanVectors(held, 3);
		// elsewhere in the org the same leftovers go
		String elsewhere = leftovers.unowned(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		this.jdbc.sql("update catalog.datasets set legal_hold_reason = 'audit', legal_hold_at = now() where id = ?")
			.param(held)
			.update();

		JsonNode report = reconcile(org);

		assertThat(leftovers.versions(elsewhere)).isZero();
		assertThat(leftovers.versions(preview)).isEqualTo(2);
		assertThat(leftovers.versions(stray)).isOne();
		assertThat(leftovers.versions(owned)).isEqualTo(2);
		assertThat(leftovers.versions(ObjectKeys.assetOriginal(org, used))).isEqualTo(2);
		assertThat(this.catalog.count("select count(*) from vectors." + Leftovers.COLLECTION + " where dataset_id = ?",
				held))
			.isEqualTo(5);
		// versions: the previews (one written twice), the stray key, the owned and the
		// used asset's binaries (two each)
		assertThat(report.at("/kept/legal_hold/count").asLong()).isEqualTo(2 + 1 + 1 + 2 + 2);
		assertThat(report.at("/orphans/unowned_object/removed").asLong()).isOne();
		assertThat(report.at("/orphans/orphan_vector/found").asLong()).isZero();
	}

	/** A real run limited to {@code org}, with no safety age; its report. */
	private JsonNode reconcile(UUID org) {
		UUID run = UUID.randomUUID();
		TestEvents.publish(run, TestEvents.reconcileRequested(run, org, false, "PT0S"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.catalog.count(
					"select count(*) from purge.reconcile_runs where id = ? and state in ('completed', 'failed')",
					run) == 1);
		Map<String, Object> row = this.jdbc
			.sql("select state, error, report::text as report from purge.reconcile_runs where id = ?")
			.param(run)
			.query()
			.singleRow();
		assertThat(row.get("state")).as(String.valueOf(row.get("error"))).isEqualTo("completed");
		return JSON.readTree((String) row.get("report"));
	}

}
