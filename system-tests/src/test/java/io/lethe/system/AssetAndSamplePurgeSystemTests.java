package io.lethe.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.testkit.Api;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Force-deleting an asset and batch-deleting samples, end to end through the public API
 * and both packaged services: what the deletion names is gone from object storage (every
 * version), the vector index and the catalog, proven by a receipt that verifies, and what
 * it does not name is all still there.
 */
class AssetAndSamplePurgeSystemTests {

	private final LetheSystem system = LetheSystem.get();

	private final Api api = new Api(this.system.commandService.baseUrl());

	private final String key = this.system.orgAKey();

	private final UUID org = UUID.fromString(this.system.orgAId());

	@Test
	void aForceDeletedAssetLosesEveryVersionOfItsBinaryWhileTheItemThatUsedItKeepsItsOwn() throws Exception {
		String dataset = dataset("asset_purge_e2e");
		String asset = asset("source.png");
		String item = item(dataset, asset);
		embed(dataset, item, 1);
		String assetPrefix = "orgs/" + this.org + "/assets/" + asset + "/";
		try (S3Client s3 = s3()) {
			s3.putObject((r) -> r.bucket(this.system.s3.bucket()).key(assetPrefix + "original"),
					RequestBody.fromString("an edit"));
			s3.createMultipartUpload((r) -> r.bucket(this.system.s3.bucket()).key(assetPrefix + "replacement.png"));
		}
		try (Stores stores = new Stores(this.system)) {
			assertThat(stores.versionsUnder(assetPrefix)).hasSize(2);
			assertThat(stores.uploadsUnder(assetPrefix)).hasSize(1);
		}

		assertThat(this.api.delete("/api/v1/assets/" + asset, this.key).status()).isEqualTo(409);
		assertThat(this.api.delete("/api/v1/assets/" + asset + "?force=true", this.key).status()).isEqualTo(200);

		JsonNode status = awaitPurged(asset);
		assertThat(status.get("job").get("root_type").stringValue()).isEqualTo("asset");
		assertThat(status.get("progress").get("objects").get("deleted").longValue()).isEqualTo(2);
		assertReceiptVerifies(status, asset);
		try (Stores stores = new Stores(this.system)) {
			assertThat(stores.versionsUnder(assetPrefix)).isEmpty();
			assertThat(stores.uploadsUnder(assetPrefix)).isEmpty();
			assertThat(stores.count("select count(*) from catalog.assets where id = cast(? as uuid)", asset)).isZero();
			assertThat(stores.versionsUnder(itemPrefix(dataset, item))).hasSize(1);
			assertThat(stores.count("select count(*) from vectors.e_multimodal where item_id = cast(? as uuid)", item))
				.isEqualTo(1);
		}
		JsonNode kept = this.api.get("/api/v1/datasets/" + dataset + "/items/" + item, this.key).json();
		assertThat(kept.get("source_deleted").booleanValue()).isTrue();
		assertThat(kept.get("embeddings").get(0).stringValue()).isEqualTo("multimodal");
	}

	@Test
	void aBatchOfSamplesIsPurgedAndASharedSourceGoesOnlyWhenForced() throws Exception {
		String dataset = dataset("samples_purge_e2e");
		String other = dataset("samples_purge_other_e2e");
		String shared = asset("shared.png");
		String own = asset("own.png");
		String usesShared = item(dataset, shared);
		String usesOwn = item(dataset, own);
		String bystander = item(dataset, asset("bystander.png"));
		String elsewhere = item(other, shared);
		List.of(usesShared, usesOwn, bystander).forEach((item) -> embed(dataset, item, item.hashCode()));
		embed(other, elsewhere, 7);

		JsonNode first = deleteSamples(dataset, Map.of("samples", List.of(usesShared, usesOwn), "delete_source", true));
		assertThat(first.get("results").values())
			.extracting((r) -> r.get("success").booleanValue() ? "ok" : r.get("error_code").stringValue())
			.containsExactly("SOURCE_IN_USE", "ok");

		JsonNode ownStatus = awaitPurged(own);
		assertThat(ownStatus.get("job").get("root_type").stringValue()).isEqualTo("samples");
		assertReceiptVerifies(ownStatus, usesOwn);
		try (Stores stores = new Stores(this.system)) {
			assertThat(stores.versionsUnder(itemPrefix(dataset, usesOwn))).isEmpty();
			assertThat(stores.versionsUnder(assetPrefix(own))).isEmpty();
			assertThat(vectorsOf(stores, usesOwn)).isZero();
			assertThat(stores.count("select count(*) from catalog.items where id = cast(? as uuid)", usesOwn)).isZero();
			// not forced: the shared source and the sample using it stay whole
			assertThat(stores.versionsUnder(assetPrefix(shared))).hasSize(1);
			assertThat(stores.versionsUnder(itemPrefix(dataset, usesShared))).hasSize(1);
			assertThat(vectorsOf(stores, usesShared)).isEqualTo(1);
		}
		assertThat(this.api.get("/api/v1/assets/" + shared, this.key).status()).isEqualTo(200);

		JsonNode forced = deleteSamples(dataset,
				Map.of("samples", List.of(usesShared), "delete_source", true, "force", true));
		assertThat(forced.get("success").booleanValue()).isTrue();

		assertReceiptVerifies(awaitPurged(shared), usesShared);
		try (Stores stores = new Stores(this.system)) {
			assertThat(stores.versionsUnder(assetPrefix(shared))).isEmpty();
			assertThat(stores.versionsUnder(itemPrefix(dataset, usesShared))).isEmpty();
			assertThat(vectorsOf(stores, usesShared)).isZero();
			// the other dataset's item of the shared source, and the bystander, keep
			// theirs
			assertThat(stores.versionsUnder(itemPrefix(other, elsewhere))).hasSize(1);
			assertThat(vectorsOf(stores, elsewhere)).isEqualTo(1);
			assertThat(stores.versionsUnder(itemPrefix(dataset, bystander))).hasSize(1);
			assertThat(vectorsOf(stores, bystander)).isEqualTo(1);
		}
		assertThat(this.api.get("/api/v1/datasets/" + other + "/items/" + elsewhere, this.key)
			.json()
			.get("source_deleted")
			.booleanValue()).isTrue();
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/items", this.key).json().get("data").values())
			.extracting((i) -> i.get("id").stringValue())
			.containsExactly(bystander);
	}

	private JsonNode awaitPurged(String asset) {
		JsonNode status = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.api.get("/api/v1/assets/" + asset + "/deletion", this.key).json(),
					(s) -> List.of("purged", "failed").contains(s.get("state").stringValue()));
		assertThat(status.get("state").stringValue()).as(status.toString()).isEqualTo("purged");
		return status;
	}

	private static void assertReceiptVerifies(JsonNode status, String named) throws Exception {
		JsonNode receipt = status.get("receipt");
		assertThat(Receipts.verifies(receipt)).isTrue();
		assertThat(Receipts.verifies(Receipts.tampered(receipt, "\"rows_remaining\":0", "\"rows_remaining\":1")))
			.isFalse();
		assertThat(receipt.get("body_text").stringValue()).contains(named);
	}

	private JsonNode deleteSamples(String dataset, Map<String, Object> body) {
		Response response = this.api.post("/api/v1/datasets/" + dataset + "/samples/delete", this.key, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private String dataset(String name) {
		return this.api.post("/api/v1/datasets", this.key, Map.of("name", name)).json().get("id").stringValue();
	}

	private String asset(String filename) {
		Response uploaded = this.api.upload("/api/v1/assets", this.key, filename, "image/png", TestImages.png(24, 16),
				Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().get("id").stringValue();
	}

	private String item(String dataset, String asset) {
		Response added = this.api.post("/api/v1/datasets/" + dataset + "/items", this.key, Map.of("asset_id", asset));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		return added.json().get("id").stringValue();
	}

	private void embed(String dataset, String item, int seed) {
		List<Double> vector = java.util.stream.IntStream.range(0, 512)
			.mapToObj((i) -> Math.sin(seed + i * 0.1))
			.toList();
		assertThat(this.api
			.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", this.key,
					Map.of("vector", vector))
			.status()).isEqualTo(204);
	}

	private static long vectorsOf(Stores stores, String item) throws java.sql.SQLException {
		return stores.count("select count(*) from vectors.e_multimodal where item_id = cast(? as uuid)", item);
	}

	private String itemPrefix(String dataset, String item) {
		return "orgs/" + this.org + "/datasets/" + dataset + "/items/" + item + "/";
	}

	private String assetPrefix(String asset) {
		return "orgs/" + this.org + "/assets/" + asset + "/";
	}

	private S3Client s3() {
		return this.system.s3.client();
	}

}
