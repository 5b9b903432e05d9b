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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product's promise, end to end through the public API: a deleted dataset ends with
 * nothing of it left in PostgreSQL, the vector index or object storage (every version),
 * proven by a signed receipt.
 */
class DatasetPurgeSystemTests {

	private final LetheSystem system = LetheSystem.get();

	private final Api api = new Api(this.system.commandService.baseUrl());

	@Test
	void aDeletedDatasetIsPurgedFromEveryStoreWithAReceiptThatVerifies() throws Exception {
		String key = this.system.orgAKey();
		UUID org = UUID.fromString(this.system.orgAId());
		UUID dataset = UUID.fromString(
				this.api.post("/api/v1/datasets", key, Map.of("name", "doomed_e2e")).json().get("id").stringValue());
		UUID kept = UUID.fromString(
				this.api.post("/api/v1/datasets", key, Map.of("name", "kept_e2e")).json().get("id").stringValue());
		String shared = this.api
			.upload("/api/v1/assets", key, "shared.png", "image/png", TestImages.png(64, 48), Map.of())
			.json()
			.get("id")
			.stringValue();
		String keptItem = addItem(key, kept, shared);
		addItem(key, dataset, shared);
		String ownedSource = null;
		for (int i = 0; i < 5; i++) {
			Response uploaded = this.api.upload("/api/v1/datasets/" + dataset + "/items", key, "own" + i + ".png",
					"image/png", TestImages.png(32 + i, 32), Map.of());
			assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
			String item = uploaded.json().get("id").stringValue();
			ownedSource = uploaded.json().get("asset_id").stringValue();
			assertThat(this.api
				.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", key,
						Map.of("vector", vector(i)))
				.status()).isEqualTo(204);
		}
		this.api.post("/api/v1/datasets/" + dataset + "/shares", key, null);
		try (Stores stores = new Stores(this.system); S3Client s3 = s3()) {
			stores.seedItems(org, dataset, "seed", 2_000, 512);
			String sourceKey = "orgs/" + org + "/assets/" + ownedSource + "/original";
			s3.putObject((r) -> r.bucket(this.system.s3.bucket()).key(sourceKey), RequestBody.fromString("v2"));
			s3.putObject((r) -> r.bucket(this.system.s3.bucket()).key(sourceKey), RequestBody.fromString("v3"));
			s3.createMultipartUpload((r) -> r.bucket(this.system.s3.bucket())
				.key("orgs/" + org + "/datasets/" + dataset + "/keyframes/interrupted.bin"));
			assertThat(stores.versionsUnder(sourceKey)).hasSizeGreaterThanOrEqualTo(3);
		}

		Response deleted = this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", key);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/items", key).status()).isEqualTo(409);

		JsonNode status = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.api.get("/api/v1/datasets/" + dataset + "/deletion", key).json(),
					(s) -> "purged".equals(s.get("state").stringValue())
							|| "failed".equals(s.get("state").stringValue()));

		assertThat(status.get("state").stringValue()).as(status.toString()).isEqualTo("purged");
		JsonNode receipt = status.get("receipt");
		String body = receipt.get("body_text").stringValue();
		assertThat(Receipts.verifies(receipt)).isTrue();
		assertThat(Receipts.verifies(Receipts.tampered(receipt, "\"dataset\"", "\"Dataset\""))).isFalse();
		JsonNode facts = JsonMapper.shared().readTree(body);
		assertThat(facts.toString()).contains(dataset.toString());
		assertThat(status.get("progress").get("vectors").get("deleted").longValue()).isGreaterThanOrEqualTo(2_005);
		assertThat(status.get("progress").get("objects").get("deleted").longValue()).isGreaterThanOrEqualTo(2_010);

		try (Stores stores = new Stores(this.system)) {
			assertThat(stores.catalogRowsOf(dataset)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
			assertThat(stores.versionsUnder("orgs/" + org + "/datasets/" + dataset + "/")).isEmpty();
			assertThat(stores.uploadsUnder("orgs/" + org + "/datasets/" + dataset + "/")).isEmpty();
			assertThat(stores.versionsUnder("orgs/" + org + "/assets/" + ownedSource + "/")).isEmpty();
			assertThat(stores.versionsUnder("orgs/" + org + "/assets/" + shared + "/")).isNotEmpty();
			assertThat(stores.count("select count(*) from catalog.datasets where id = ? and status = 'purged' "
					+ "and name = 'purged' and description is null and dataset_config is null", dataset))
				.isEqualTo(1);
		}
		JsonNode tombstone = this.api.get("/api/v1/datasets/" + dataset, key).json();
		assertThat(tombstone.get("status").stringValue()).isEqualTo("purged");
		assertThat(this.api.get("/api/v1/datasets/" + kept + "/items/" + keptItem, key).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/assets/" + shared, key).status()).isEqualTo(200);
		JsonNode again = this.api.get("/api/v1/datasets/" + dataset + "/deletion", key).json();
		assertThat(again.get("receipt").get("jws").stringValue()).isEqualTo(receipt.get("jws").stringValue());
	}

	private String addItem(String key, UUID dataset, String asset) {
		Response added = this.api.post("/api/v1/datasets/" + dataset + "/items", key, Map.of("asset_id", asset));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		return added.json().get("id").stringValue();
	}

	private S3Client s3() {
		return this.system.s3.client();
	}

	private static List<Double> vector(int n) {
		return java.util.stream.IntStream.range(0, 512).mapToObj((i) -> Math.sin(n + i * 0.1)).toList();
	}

}
