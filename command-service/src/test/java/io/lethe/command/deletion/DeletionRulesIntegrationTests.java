package io.lethe.command.deletion;

import java.util.List;
import java.util.Map;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an asset or samples delete may never take from another dataset: what a legal hold
 * protects, what a restorable dataset still needs, and what a dataset being deleted owns.
 * Each answer is checked with the data it protects.
 */
class DeletionRulesIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aLegalHoldKeepsAHeldDatasetsItemFromEveryAssetDeleteAndRestoreBringsItBackWhole() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String held = dataset(org, "held");
		String item = item(org, held, asset);
		embed(org, held, item);
		assertThat(this.api.delete("/api/v1/datasets/" + held + "?grace=PT1H", org.key()).status()).isEqualTo(200);
		String operator = operatorKey(org);
		assertThat(this.api
			.send("PUT", "/api/v1/admin/datasets/" + held + "/legal-hold", operator, Map.of("reason", "litigation"))
			.status()).isEqualTo(200);

		for (String flags : List.of("?cascade=true", "?force=true", "?force=true&cascade=true", "")) {
			Response refused = this.api.delete("/api/v1/assets/" + asset + flags, org.key());
			assertThat(refused.status()).as(flags + ": " + refused).isEqualTo(409);
			assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:legal-hold");
			assertThat(refused.json().get("dataset_id").stringValue()).isEqualTo(held);
		}
		Response twelveLabs = this.api.send("DELETE", "/v1.3/assets/" + asset + "?force=true",
				Map.of("x-api-key", org.key()), null);
		assertThat(twelveLabs.status()).isEqualTo(409);
		assertThat(twelveLabs.json().get("code").stringValue()).isEqualTo("legal_hold");
		assertThat(assetEvents(asset)).isZero();

		assertThat(this.api.delete("/api/v1/admin/datasets/" + held + "/legal-hold", operator).status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/datasets/" + held + "/restore", org.key(), null).status()).isEqualTo(200);
		assertWhole(org, held, item, asset);
	}

	@Test
	void aRestorableDatasetsItemsBlockAPlainDeleteAndACascadeNeverReachesThem() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String deleted = dataset(org, "restorable");
		String item = item(org, deleted, asset);
		embed(org, deleted, item);
		this.api.delete("/api/v1/datasets/" + deleted + "?grace=PT1H", org.key());

		Response refused = this.api.delete("/api/v1/assets/" + asset + "?cascade=true", org.key());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:asset-referenced");
		JsonNode reference = refused.json().get("references").get(0);
		assertThat(reference.get("item_id").stringValue()).isEqualTo(item);
		assertThat(reference.get("dataset_status").stringValue()).isEqualTo("pending_deletion");

		Response forced = this.api.delete("/api/v1/assets/" + asset + "?force=true&cascade=true", org.key());
		assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
		assertThat(forced.json().get("references").get(0).get("item_status").stringValue()).isEqualTo("active");
		assertThat(this.api.post("/api/v1/datasets/" + deleted + "/restore", org.key(), null).status()).isEqualTo(200);
		JsonNode kept = this.api.get("/api/v1/datasets/" + deleted + "/items/" + item, org.key()).json();
		assertThat(kept.get("source_deleted").booleanValue()).isTrue();
		assertThat(kept.get("has_preview").booleanValue()).isTrue();
		assertThat(kept.get("embeddings").get(0).stringValue()).isEqualTo("multimodal");
	}

	@Test
	void anAssetOwnedByADatasetBeingDeletedCannotBePlacedElsewhereNorDeletedOnItsOwn() {
		TestOrg org = newOrg();
		String owner = dataset(org, "owner");
		String other = dataset(org, "other");
		Response uploaded = this.api.upload("/api/v1/datasets/" + owner + "/items", org.key(), "a.png", "image/png",
				TestImages.png(8, 8), Map.of());
		String asset = uploaded.json().get("asset_id").stringValue();
		this.api.delete("/api/v1/datasets/" + owner + "?grace=PT1H", org.key());

		Response attach = this.api.post("/api/v1/datasets/" + other + "/items", org.key(), Map.of("asset_id", asset));
		assertThat(attach.status()).as(attach.toString()).isEqualTo(409);
		assertThat(attach.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:asset-owner-not-active");
		assertThat(attach.json().get("owner_dataset_id").stringValue()).isEqualTo(owner);

		Response delete = this.api.delete("/api/v1/assets/" + asset + "?force=true", org.key());
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:owner-dataset-not-active");
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).json().get("status").stringValue())
			.isEqualTo("ready");
	}

	@Test
	void samplesOfAHeldDatasetAreNotDeletedAndAHeldSourceIsKeptInAnotherDatasetsBatch() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String held = dataset(org, "held_active");
		String heldItem = item(org, held, asset);
		String other = dataset(org, "batch_of_other");
		String otherItem = item(org, other, asset);
		this.api.send("PUT", "/api/v1/admin/datasets/" + held + "/legal-hold", operatorKey(org),
				Map.of("reason", "audit"));

		Response refused = this.api.post("/api/v1/datasets/" + held + "/samples/delete", org.key(),
				Map.of("samples", List.of(heldItem)));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:legal-hold");

		Response batch = this.api.post("/api/v1/datasets/" + other + "/samples/delete", org.key(),
				Map.of("samples", List.of(otherItem), "delete_source", true, "force", true));
		assertThat(batch.status()).isEqualTo(200);
		JsonNode result = batch.json().get("results").get(0);
		assertThat(result.get("success").booleanValue()).isFalse();
		assertThat(result.get("error_code").stringValue()).isEqualTo("LEGAL_HOLD");
		assertThat(this.api.get("/api/v1/datasets/" + other + "/items/" + otherItem, org.key()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/datasets/" + held + "/items/" + heldItem, org.key()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);
	}

	@Test
	void completingAnUploadAfterItsAssetWasDeletedNeverBringsItBack() {
		TestOrg org = newOrg();
		String asset = this.api
			.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "clip.mp4", "content_type", "video/mp4"))
			.json()
			.get("id")
			.stringValue();
		assertThat(this.api
			.sendBytes("PUT", "/api/v1/assets/uploads/" + asset + "/parts/1",
					Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "application/octet-stream"),
					new byte[1024])
			.status()).isEqualTo(200);
		assertThat(this.api.delete("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);

		Response completed = this.api.post("/api/v1/assets/uploads/" + asset + "/complete", org.key(), null);

		assertThat(completed.status()).as(completed.toString()).isEqualTo(409);
		assertThat(completed.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:asset-deleted");
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/assets/" + asset + "/deletion", org.key()).json().get("state").stringValue())
			.isEqualTo("deleted");
	}

	private void assertWhole(TestOrg org, String dataset, String item, String asset) {
		JsonNode kept = this.api.get("/api/v1/datasets/" + dataset + "/items/" + item, org.key()).json();
		assertThat(kept.get("source_deleted").booleanValue()).isFalse();
		assertThat(kept.get("has_preview").booleanValue()).isTrue();
		assertThat(kept.get("embeddings").get(0).stringValue()).isEqualTo("multimodal");
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).json().get("status").stringValue())
			.isEqualTo("ready");
		String preview = this.jdbc.sql("select preview_key from catalog.items where id = ?::uuid")
			.param(item)
			.query(String.class)
			.single();
		assertThat(s3().headObject((r) -> r.bucket(bucket()).key(preview)).contentLength()).isPositive();
	}

	private long assetEvents(String asset) {
		return this.jdbc
			.sql("select count(*) from catalog.outbox where aggregate_id = ?::uuid "
					+ "and event_type = 'AssetDeletionRequested'")
			.param(asset)
			.query(Long.class)
			.single();
	}

	private void embed(TestOrg org, String dataset, String item) {
		float[] vector = new float[8];
		vector[0] = 1;
		assertThat(this.api
			.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
					Map.of("vector", vector))
			.status()).isEqualTo(204);
	}

}
