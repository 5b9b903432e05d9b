package io.lethe.command.item;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items, previews, vectors and search, on the real S3 server and pgvector (the multimodal
 * encoder has 8 dimensions here).
 */
class ItemApiIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void uploadItemPreviewEmbeddingSearchAndSoftDeleteWorkEndToEnd() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "end_to_end");
		String asset = this.api
			.upload("/api/v1/assets", org.key(), "photo.png", "image/png", TestImages.png(800, 600), Map.of())
			.json()
			.get("id")
			.stringValue();

		Response added = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		String item = added.json().get("id").stringValue();
		assertThat(added.json().get("has_preview").booleanValue()).isTrue();

		String previewKey = "orgs/" + org.id() + "/datasets/" + dataset + "/items/" + item + "/preview.jpg";
		try (S3Client s3 = s3()) {
			List<ObjectVersion> listed = s3
				.listObjectVersions((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/datasets/" + dataset + "/"))
				.versions();
			assertThat(listed).extracting(ObjectVersion::key).containsExactly(previewKey);
			BufferedImage preview = TestImages
				.read(s3.getObjectAsBytes((r) -> r.bucket(bucket()).key(previewKey)).asByteArray());
			assertThat(preview.getWidth()).isEqualTo(256);
			assertThat(preview.getHeight()).isEqualTo(192);
		}

		Response stored = this.api.send("PUT",
				"/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
				Map.of("vector", vector(1)));
		assertThat(stored.status()).as(stored.toString()).isEqualTo(204);
		JsonNode listed = this.api.get("/api/v1/datasets/" + dataset + "/items", org.key()).json();
		assertThat(listed.get("data").get(0).get("embeddings").get(0).stringValue()).isEqualTo("multimodal");

		Response found = search(org, dataset, vector(1), 5);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().get("results").get(0).get("item_id").stringValue()).isEqualTo(item);
		assertThat(found.json().get("results").get(0).get("asset_id").stringValue()).isEqualTo(asset);
		assertThat(found.json().get("results").get(0).get("score").doubleValue()).isGreaterThan(0.999);

		assertThat(this.api.delete("/api/v1/datasets/" + dataset, org.key()).status()).isEqualTo(200);

		Response afterDelete = search(org, dataset, vector(1), 5);
		assertThat(afterDelete.status()).isEqualTo(409);
		assertThat(afterDelete.body()).doesNotContain(item);
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/items", org.key()).status()).isEqualTo(409);
	}

	@Test
	void searchReturnsTheNearestItemsFirst() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "nearest");
		List<String> items = IntStream.range(0, 5).mapToObj((i) -> {
			String item = itemOfNewAsset(org, dataset, "n" + i + ".txt");
			this.api.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
					Map.of("vector", vector(i + 1)));
			return item;
		}).toList();

		JsonNode results = search(org, dataset, vector(3), 2).json().get("results");

		assertThat(results.size()).isEqualTo(2);
		assertThat(results.get(0).get("item_id").stringValue()).isEqualTo(items.get(2));
		assertThat(results.get(0).get("distance").doubleValue())
			.isLessThanOrEqualTo(results.get(1).get("distance").doubleValue());
	}

	@Test
	void anItemUploadedIntoADatasetCreatesAnAssetOwnedByIt() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "uploaded_into");

		Response added = this.api.upload("/api/v1/datasets/" + dataset + "/items", org.key(), "clip.png", "image/png",
				TestImages.png(10, 10), Map.of());

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		String asset = added.json().get("asset_id").stringValue();
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).json().get("owner_dataset_id").stringValue())
			.isEqualTo(dataset);
		JsonNode references = this.api.get("/api/v1/assets/" + asset + "/indexed-assets", org.key()).json();
		assertThat(references.get("total").intValue()).isEqualTo(1);
		assertThat(references.get("data").get(0).get("dataset_id").stringValue()).isEqualTo(dataset);
	}

	@Test
	void nonImagesGetAPlaceholderPreviewAndDatasetsWithoutPreviewsGetNone() {
		TestOrg org = newOrg();
		String withPreviews = this.api
			.post("/api/v1/datasets", org.key(), Map.of("name", "docs", "allowed_asset_types", List.of("document")))
			.json()
			.get("id")
			.stringValue();
		String withoutPreviews = this.api
			.post("/api/v1/datasets", org.key(),
					Map.of("name", "docs_plain", "allowed_asset_types", List.of("document"), "store_preview", false))
			.json()
			.get("id")
			.stringValue();
		String asset = asset(org, "report.pdf", "application/pdf");

		Response first = this.api.post("/api/v1/datasets/" + withPreviews + "/items", org.key(),
				Map.of("asset_id", asset));
		Response second = this.api.post("/api/v1/datasets/" + withoutPreviews + "/items", org.key(),
				Map.of("asset_id", asset));

		assertThat(first.json().get("has_preview").booleanValue()).isTrue();
		assertThat(second.json().get("has_preview").booleanValue()).isFalse();
		String key = "orgs/" + org.id() + "/datasets/" + withPreviews + "/items/" + first.json().get("id").stringValue()
				+ "/preview.jpg";
		try (S3Client s3 = s3()) {
			BufferedImage placeholder = TestImages
				.read(s3.getObjectAsBytes((r) -> r.bucket(bucket()).key(key)).asByteArray());
			assertThat(placeholder.getWidth()).isEqualTo(64);
			assertThat(s3
				.listObjectVersions(
						(r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/datasets/" + withoutPreviews + "/"))
				.versions()).isEmpty();
		}
		JsonNode references = this.api.get("/api/v1/assets/" + asset + "/indexed-assets", org.key()).json();
		assertThat(references.get("total").intValue()).isEqualTo(2);
	}

	@Test
	void badItemInputIsRefusedWithoutPartialState() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "strict");
		String document = asset(org, "v.pdf", "application/pdf");
		String foreign = asset(stranger, "f.png", "image/png");
		String image = asset(org, "i.png", "image/png");
		String item = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", image))
			.json()
			.get("id")
			.stringValue();
		String embedding = "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/";

		Response typeNotAllowed = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(),
				Map.of("asset_id", document));
		Response foreignAsset = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(),
				Map.of("asset_id", foreign));
		Response duplicate = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(),
				Map.of("asset_id", image));
		Response wrongLength = this.api.send("PUT", embedding + "multimodal", org.key(),
				Map.of("vector", List.of(1, 2)));
		Response notNumbers = this.api.send("PUT", embedding + "multimodal", org.key(),
				"{\"vector\": [1, 2, 3, 4, 5, 6, 7, \"NaN\"]}");
		Response tooBig = this.api.send("PUT", embedding + "multimodal", org.key(),
				"{\"vector\": [1, 2, 3, 4, 5, 6, 7, 1e39]}");
		Response beyondDouble = this.api.send("PUT", embedding + "multimodal", org.key(),
				"{\"vector\": [1, 2, 3, 4, 5, 6, 7, 1E+400]}");
		Response unknownEmbedding = this.api.send("PUT", embedding + "other", org.key(), Map.of("vector", vector(1)));
		Response unknownItem = this.api.send("PUT",
				"/api/v1/datasets/" + dataset + "/items/" + java.util.UUID.randomUUID() + "/embeddings/multimodal",
				org.key(), Map.of("vector", vector(1)));
		Response badK = this.api.post("/api/v1/datasets/" + dataset + "/search", org.key(),
				Map.of("embedding_name", "multimodal", "vector", vector(1), "k", 0));

		assertThat(typeNotAllowed.status()).isEqualTo(422);
		assertThat(foreignAsset.status()).isEqualTo(404);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(wrongLength.status()).isEqualTo(422);
		assertThat(notNumbers.status()).isEqualTo(422);
		assertThat(tooBig.status()).isEqualTo(422);
		assertThat(beyondDouble.status()).as(beyondDouble.toString()).isEqualTo(422);
		assertThat(unknownEmbedding.status()).isEqualTo(422);
		assertThat(unknownItem.status()).isEqualTo(404);
		assertThat(badK.status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/items", org.key())
			.json()
			.get("meta")
			.get("total")
			.longValue()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from vectors.e_multimodal where dataset_id = cast(:d as uuid)")
			.param("d", dataset)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDatasetPendingDeletionAcceptsNoWrites() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "closing");
		String asset = asset(org, "i.png", "image/png");
		String item = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset))
			.json()
			.get("id")
			.stringValue();
		this.api.delete("/api/v1/datasets/" + dataset, org.key());
		String other = asset(org, "j.png", "image/png");

		Response add = this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", other));
		Response embed = this.api.send("PUT",
				"/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
				Map.of("vector", vector(1)));
		Response share = this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), null);

		assertThat(List.of(add, embed, share)).extracting(Response::status).containsOnly(409);
		assertThat(add.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:dataset-not-active");
	}

	private String asset(TestOrg org, String filename, String contentType) {
		byte[] content = contentType.startsWith("image/") ? TestImages.png(20, 20) : "content".getBytes();
		return this.api.upload("/api/v1/assets", org.key(), filename, contentType, content, Map.of())
			.json()
			.get("id")
			.stringValue();
	}

	private String itemOfNewAsset(TestOrg org, String dataset, String filename) {
		String asset = asset(org, filename, "image/png");
		return this.api.post("/api/v1/datasets/" + dataset + "/items", org.key(), Map.of("asset_id", asset))
			.json()
			.get("id")
			.stringValue();
	}

	private Response search(TestOrg org, String dataset, List<Double> vector, int k) {
		return this.api.post("/api/v1/datasets/" + dataset + "/search", org.key(),
				Map.of("embedding_name", "multimodal", "vector", vector, "k", k));
	}

	/** An 8-dimensional vector pointing in a direction that differs for every n. */
	private static List<Double> vector(int n) {
		return IntStream.range(0, 8).mapToObj((i) -> Math.cos(n * 0.4 + i * (n % 3))).toList();
	}

}
