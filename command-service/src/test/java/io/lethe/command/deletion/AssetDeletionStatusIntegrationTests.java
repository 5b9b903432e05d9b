package io.lethe.command.deletion;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.PurgeEvents;
import io.lethe.testkit.Api.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/assets/{id}/deletion}: where an asset's deletion stands, read from
 * the catalog and from the purge worker's job and receipt (published here as the worker
 * publishes their snapshots on {@code lethe.purge-events}), and still readable once the
 * purge removed the asset's row.
 */
class AssetDeletionStatusIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void anAssetsDeletionStatusFollowsItsPurgeAndKeepsTheReceiptOnceItsRowIsGone() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String asset = asset(org);
		assertThat(status(org, asset).json().get("state").stringValue()).isEqualTo("active");
		assertThat(status(stranger, asset).status()).isEqualTo(404);
		assertThat(status(org, UUID.randomUUID().toString()).status()).isEqualTo(404);

		assertThat(this.api.delete("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);

		JsonNode deleted = status(org, asset).json();
		assertThat(deleted.get("state").stringValue()).isEqualTo("deleted");
		assertThat(deleted.get("requested_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(deleted.get("requested_at").isNull()).isFalse();
		assertThat(deleted.get("job").isNull()).isTrue();
		assertThat(deleted.get("receipt").isNull()).isTrue();
		assertThat(status(stranger, asset).status()).isEqualTo(404);

		// the worker's purge removed the row before its snapshot of the job arrived: the
		// deletion is still known, and under way
		this.jdbc.sql("delete from catalog.assets where id = cast(:id as uuid)").param("id", asset).update();
		JsonNode begun = status(org, asset).json();
		assertThat(begun.get("state").stringValue()).isEqualTo("purging");
		assertThat(begun.get("requested_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(begun.get("requested_at").stringValue()).isEqualTo(deleted.get("requested_at").stringValue());
		assertThat(status(stranger, asset).status()).isEqualTo(404);

		// the worker purged it: its job and receipt stay
		UUID job = UUID.randomUUID();
		PurgeEvents.publish(PurgeEvents.completed(org.id(), job, "asset", UUID.fromString(asset), 7)
			.setStep("objects")
			.setObjectsDeleted(3)
			.setReceipt("{\"root_id\":\"" + asset + "\"}")
			.setReceiptSignature("abc123"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(status(org, asset).json().get("state").stringValue()).isEqualTo("purged"));
		JsonNode purged = status(org, asset).json();
		assertThat(purged.get("requested_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(purged.get("job").get("id").stringValue()).isEqualTo(job.toString());
		assertThat(purged.get("job").get("root_type").stringValue()).isEqualTo("asset");
		assertThat(purged.get("progress").get("objects").get("deleted").longValue()).isEqualTo(3);
		assertThat(purged.get("receipt").get("body_text").stringValue()).isEqualTo("{\"root_id\":\"" + asset + "\"}");
		assertThat(purged.get("receipt").get("signature").stringValue()).isEqualTo("abc123");
		assertThat(status(stranger, asset).status()).isEqualTo(404);
	}

	@Test
	void aSourceDeletedWithABatchOfSamplesShowsTheBatchsPurge() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "with_sources"))
			.json()
			.get("id")
			.stringValue();
		String item = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset))
			.json()
			.get("id")
			.stringValue();
		assertThat(this.api
			.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(),
					Map.of("samples", List.of(item), "delete_source", true))
			.json()
			.get("success")
			.booleanValue()).isTrue();

		UUID batch = UUID.randomUUID();
		PurgeEvents.publish(PurgeEvents.job(org.id(), UUID.randomUUID(), "samples", batch, "running", 3)
			.setStartedAt(java.time.Instant.now())
			.setAssetTargets(List.of(asset)));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(status(org, asset).json().get("state").stringValue()).isEqualTo("purging"));
		JsonNode status = status(org, asset).json();
		assertThat(status.get("job").get("root_type").stringValue()).isEqualTo("samples");
		assertThat(status.get("job").get("root_id").stringValue()).isEqualTo(batch.toString());
	}

	private Response status(TestOrg org, String asset) {
		return this.api.get("/api/v1/assets/" + asset + "/deletion", org.key());
	}

}
