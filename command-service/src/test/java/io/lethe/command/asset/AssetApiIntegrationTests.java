package io.lethe.command.asset;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AssetApiIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void anUploadedFileIsStoredWithItsTypeSizeAndChecksum() throws Exception {
		TestOrg org = newOrg();
		byte[] png = TestImages.png(40, 30);

		Response created = this.api.upload("/api/v1/assets", org.key(), "../../etc/cat.png", "image/png", png,
				Map.of("metadata", "{\"title\": \"A cat\", \"year\": 2024, \"public\": true}"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode asset = created.json();
		assertThat(asset.get("filename").stringValue()).isEqualTo("cat.png");
		assertThat(asset.get("content_type").stringValue()).isEqualTo("image/png");
		assertThat(asset.get("asset_type").stringValue()).isEqualTo("image");
		assertThat(asset.get("size_bytes").longValue()).isEqualTo(png.length);
		assertThat(asset.get("status").stringValue()).isEqualTo("ready");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
		assertThat(asset.get("checksum").stringValue()).isEqualTo("sha256:" + sha);
		assertThat(asset.get("metadata").get("title").stringValue()).isEqualTo("A cat");
		String id = asset.get("id").stringValue();
		try (S3Client s3 = s3()) {
			byte[] stored = s3
				.getObjectAsBytes((r) -> r.bucket(bucket()).key("orgs/" + org.id() + "/assets/" + id + "/original"))
				.asByteArray();
			assertThat(stored).isEqualTo(png);
		}
		assertThat(this.api.get("/api/v1/assets/" + id, org.key()).json()).isEqualTo(asset);
		assertThat(intents()).isZero();
	}

	@Test
	void metadataIsMergedAndRemovedByKey() {
		TestOrg org = newOrg();
		String id = this.api
			.upload("/api/v1/assets", org.key(), "a.txt", "text/plain", "hello".getBytes(),
					Map.of("metadata", "{\"a\": 1, \"b\": \"two\", \"c\": true}"))
			.json()
			.get("id")
			.stringValue();

		JsonNode merged = this.api
			.patch("/api/v1/assets/" + id + "/metadata", org.key(), "{\"b\": \"zwei\", \"c\": null, \"d\": 4.5}")
			.json();
		JsonNode removed = this.api.delete("/api/v1/assets/" + id + "/metadata?keys=a", org.key()).json();
		JsonNode cleared = this.api.delete("/api/v1/assets/" + id + "/metadata", org.key()).json();

		assertThat(merged.get("metadata").toString()).contains("\"b\":\"zwei\"").doesNotContain("\"c\"");
		assertThat(merged.get("metadata").get("d").doubleValue()).isEqualTo(4.5);
		assertThat(merged.get("metadata").get("a").intValue()).isEqualTo(1);
		assertThat(merged.get("asset_type").stringValue()).isEqualTo("document");
		assertThat(removed.get("metadata").has("a")).isFalse();
		assertThat(removed.get("metadata").has("b")).isTrue();
		assertThat(cleared.get("metadata").isEmpty()).isTrue();
	}

	@Test
	void invalidMetadataIsA422AndChangesNothing() {
		TestOrg org = newOrg();
		String id = this.api
			.upload("/api/v1/assets", org.key(), "a.txt", "text/plain", "x".getBytes(),
					Map.of("metadata", "{\"k\": 1}"))
			.json()
			.get("id")
			.stringValue();

		Response nested = this.api.patch("/api/v1/assets/" + id + "/metadata", org.key(), "{\"k\": {\"deep\": 1}}");
		Response notObject = this.api.patch("/api/v1/assets/" + id + "/metadata", org.key(), "[1]");
		Response badField = this.api.upload("/api/v1/assets", org.key(), "a.txt", "text/plain", "x".getBytes(),
				Map.of("metadata", "not json"));

		assertThat(List.of(nested, notObject, badField)).extracting(Response::status).containsOnly(422);
		assertThat(this.api.get("/api/v1/assets/" + id, org.key()).json().get("metadata").get("k").intValue())
			.isEqualTo(1);
	}

	@Test
	void anUploadWithoutAFileIsA422AndAnOversizedOneA413() {
		TestOrg org = newOrg();

		Response missing = this.api.upload("/api/v1/assets", org.key(), null, null, null,
				Map.of("asset_type", "image"));
		Response empty = this.api.upload("/api/v1/assets", org.key(), "e.bin", "application/octet-stream", new byte[0],
				Map.of());
		Response tooBig = this.api.upload("/api/v1/assets", org.key(), "big.bin", "application/octet-stream",
				new byte[2 * 1024 * 1024 + 1], Map.of());
		Response wrongType = this.api.upload("/api/v1/assets", org.key(), "a.bin", "application/octet-stream",
				new byte[] { 1 }, Map.of("asset_type", "hologram"));

		assertThat(missing.status()).isEqualTo(422);
		assertThat(empty.status()).isEqualTo(422);
		assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/assets", org.key()).json().get("meta").get("total").longValue()).isZero();
		assertThat(intents()).isZero();
	}

	@Test
	void aMultipartUploadLeftUnfinishedIsListedByTheS3Server() {
		TestOrg org = newOrg();

		Response started = this.api.post("/api/v1/assets/uploads", org.key(),
				Map.of("filename", "long_video.mp4", "content_type", "video/mp4"));
		String id = started.json().get("id").stringValue();
		Response part = this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/1",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "application/octet-stream"),
				new byte[1024]);

		assertThat(started.status()).isEqualTo(201);
		assertThat(started.json().get("status").stringValue()).isEqualTo("uploading");
		assertThat(started.json().get("asset_type").stringValue()).isEqualTo("video");
		assertThat(part.status()).as(part.toString()).isEqualTo(200);
		try (S3Client s3 = s3()) {
			List<MultipartUpload> open = s3
				.listMultipartUploads((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/"))
				.uploads();
			assertThat(open).extracting(MultipartUpload::key)
				.containsExactly("orgs/" + org.id() + "/assets/" + id + "/original");
		}
		assertThat(this.api.get("/api/v1/assets?status=uploading", org.key())
			.json()
			.get("data")
			.get(0)
			.get("id")
			.stringValue()).isEqualTo(id);
		assertThat(this.jdbc.sql("select upload_id from catalog.asset_uploads where asset_id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.optional()).isPresent();
	}

	@Test
	void aCompletedMultipartUploadBecomesAReadyAsset() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "big.bin"))
			.json()
			.get("id")
			.stringValue();
		Map<String, String> headers = Map.of("Authorization", "Bearer " + org.key(), "Content-Type",
				"application/octet-stream");
		this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/1", headers, new byte[5 * 1024 * 1024]);
		this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/2", headers, new byte[10]);

		Response completed = this.api.post("/api/v1/assets/uploads/" + id + "/complete", org.key(), null);

		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.json().get("status").stringValue()).isEqualTo("ready");
		assertThat(completed.json().get("size_bytes").longValue()).isEqualTo(5 * 1024 * 1024 + 10);
		assertThat(completed.json().get("checksum").stringValue()).startsWith("sha256-composite:").endsWith("-2");
		try (S3Client s3 = s3()) {
			assertThat(s3.listMultipartUploads((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/")).uploads())
				.isEmpty();
			assertThat(s3.headObject((r) -> r.bucket(bucket()).key("orgs/" + org.id() + "/assets/" + id + "/original"))
				.contentLength()).isEqualTo(5 * 1024 * 1024 + 10);
		}
	}

	@Test
	void anAbortedUploadFreesItsPartsAndLeavesNoAsset() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "gone.bin"))
			.json()
			.get("id")
			.stringValue();
		this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/1",
				Map.of("Authorization", "Bearer " + org.key()), new byte[100]);

		Response aborted = this.api.delete("/api/v1/assets/uploads/" + id, org.key());

		assertThat(aborted.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/assets/" + id, org.key()).status()).isEqualTo(404);
		try (S3Client s3 = s3()) {
			assertThat(s3.listMultipartUploads((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/")).uploads())
				.isEmpty();
		}
	}

	@Test
	void partsAreValidated() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "p.bin"))
			.json()
			.get("id")
			.stringValue();
		Map<String, String> headers = Map.of("Authorization", "Bearer " + org.key());

		assertThat(
				this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/0", headers, new byte[1]).status())
			.isEqualTo(422);
		assertThat(this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/10001", headers, new byte[1])
			.status()).isEqualTo(422);
		assertThat(this.api.post("/api/v1/assets/uploads/" + id + "/complete", org.key(), null).status())
			.isEqualTo(409);
		assertThat(this.api.post("/api/v1/assets/uploads", org.key(), Map.of("content_type", "x/y")).status())
			.isEqualTo(422);
	}

	@Test
	void anotherOrgsAssetDoesNotExist() {
		TestOrg owner = newOrg();
		TestOrg stranger = newOrg();
		String id = this.api.upload("/api/v1/assets", owner.key(), "a.txt", "text/plain", "x".getBytes(), Map.of())
			.json()
			.get("id")
			.stringValue();

		assertThat(List.of(this.api.get("/api/v1/assets/" + id, stranger.key()),
				this.api.patch("/api/v1/assets/" + id + "/metadata", stranger.key(), Map.of("a", 1)),
				this.api.delete("/api/v1/assets/" + id + "/metadata", stranger.key()),
				this.api.get("/api/v1/assets/" + id + "/indexed-assets", stranger.key()),
				this.api.get("/api/v1/assets/" + id + "/entities", stranger.key())))
			.extracting(Response::status)
			.containsOnly(404);
	}

	private long intents() {
		return this.jdbc.sql("select count(*) from catalog.object_intents").query(Long.class).single();
	}

}
