package io.lethe.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.lethe.system.Findings.Answer;
import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.UsageModel.Asset;
import io.lethe.system.UsageModel.Item;
import io.lethe.testkit.Api;
import io.lethe.testkit.TestImages;

/**
 * The writes of the concurrency suite's clients: datasets, uploads (direct, straight into
 * a dataset, and multipart racing a delete of the same asset), attaching any known asset
 * to any dataset (sharing across datasets, also assets other datasets own), and vectors.
 * A write the rules should have refused, yet was accepted, is noted once every answer of
 * the run is in.
 */
final class ContentOperations {

	private final Api api;

	private final String key;

	private final UsageModel model;

	private final Findings findings;

	/**
	 * Whether the catalog shows the asset released by its owner's purge (its row kept,
	 * without an owner): a live item elsewhere used it, so the purge kept it as an org
	 * asset, which may be placed anywhere from then on.
	 */
	private final Predicate<UUID> ownerReleased;

	ContentOperations(Api api, String key, UsageModel model, Predicate<UUID> ownerReleased) {
		this.ownerReleased = ownerReleased;
		this.api = api;
		this.key = key;
		this.model = model;
		this.findings = model.findings;
	}

	void createDataset(Random random) {
		boolean previews = random.nextInt(4) != 0;
		Answer answer = this.findings.send("create-dataset",
				() -> this.api.post("/api/v1/datasets", this.key,
						Map.of("name", "concurrent_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE),
								"store_preview", previews, "allowed_asset_types",
								List.of("image", "video", "document"))));
		if (answer.status() == 201) {
			this.model.addDataset(id(answer, "id"), previews);
		}
	}

	void uploadAsset(Random random) {
		Content content = Content.random(random);
		Answer answer = this.findings.send("upload-asset", () -> this.api.upload("/api/v1/assets", this.key,
				content.filename(), content.contentType(), content.bytes(), Map.of()));
		if (answer.status() == 201) {
			this.model.addAsset(id(answer, "id"), content.sha256(), null, false);
		}
	}

	void uploadIntoDataset(Random random) {
		Dataset dataset = this.model.pickMostlyActive(random);
		if (dataset == null) {
			return;
		}
		Content content = Content.random(random);
		Answer answer = this.findings.send("upload-item",
				() -> this.api.upload("/api/v1/datasets/" + dataset.id + "/items", this.key, content.filename(),
						content.contentType(), content.bytes(), Map.of()));
		if (answer.status() == 201) {
			Asset asset = this.model.addAsset(id(answer, "asset_id"), content.sha256(), dataset, false);
			Item item = this.model.addItem(id(answer, "id"), dataset, asset, answer.end());
			this.model.later(() -> refusedWrite(dataset, answer, "upload into it made " + item));
		}
	}

	void attach(Random random) {
		Dataset dataset = this.model.pickMostlyActive(random);
		Asset asset = this.model.pickAsset(random);
		if (dataset == null || asset == null) {
			return;
		}
		Answer answer = this.findings.send("attach", () -> this.api.post("/api/v1/datasets/" + dataset.id + "/items",
				this.key, Map.of("asset_id", asset.id.toString())));
		if (answer.status() != 201) {
			return;
		}
		Item item = this.model.addItem(id(answer, "id"), dataset, asset, answer.end());
		this.model.later(() -> {
			refusedWrite(dataset, answer, "attaching " + asset + " made " + item);
			if (asset.deletedEnd < answer.start()) {
				this.findings.violation("asset-not-ready",
						item + " was attached to " + asset + " after a " + asset.deletedBy + " of it answered");
			}
			if (asset.owner != null && asset.owner != dataset
					&& asset.owner.throughout(answer.start(), answer.end(), (s) -> !s.active())
					&& !this.ownerReleased.test(asset.id)) {
				this.findings.violation("asset-owner-not-active",
						item + " gained a reference to " + asset + " owned by deleted " + asset.owner);
			}
		});
	}

	void embed(Random random) {
		Item item = this.model.pickItem(random);
		if (item == null) {
			return;
		}
		List<Double> vector = IntStream.range(0, 512).mapToObj((i) -> random.nextDouble() - 0.5).toList();
		Answer answer = this.findings.send("embed",
				() -> this.api.send("PUT",
						"/api/v1/datasets/" + item.dataset.id + "/items/" + item.id + "/embeddings/multimodal",
						this.key, Map.of("vector", vector)));
		if (answer.status() == 204) {
			item.vector = true;
			this.model.later(() -> refusedWrite(item.dataset, answer, "a vector was put for " + item));
		}
		else if (answer.unknown()) {
			item.uncertain = true;
		}
	}

	/**
	 * A one-part multipart upload whose asset is deleted before, during or not at all
	 * while it completes: a completion after the delete must not bring the asset back.
	 */
	void multipartRacingDelete(Random random) {
		Content content = Content.random(random);
		Answer started = this.findings.send("multipart-start", () -> this.api.post("/api/v1/assets/uploads", this.key,
				Map.of("filename", content.filename(), "content_type", content.contentType())));
		if (started.status() != 201) {
			return;
		}
		UUID id = id(started, "id");
		Asset asset = this.model.addAsset(id, content.sha256(), null, true);
		Answer part = this.findings.send("multipart-part",
				() -> this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + id + "/parts/1",
						Map.of("Authorization", "Bearer " + this.key, "Content-Type", "application/octet-stream"),
						content.bytes()));
		if (part.status() != 200) {
			asset.uncertain = true;
			return;
		}
		int race = random.nextInt(3);
		if (race == 0) {
			deleteUpload(asset, "delete-uploading-asset");
		}
		CompletableFuture<Void> concurrentDelete = (race == 1)
				? CompletableFuture.runAsync(() -> deleteUpload(asset, "delete-completing-asset"))
				: CompletableFuture.completedFuture(null);
		Answer completed = this.findings.send("multipart-complete",
				() -> this.api.post("/api/v1/assets/uploads/" + id + "/complete", this.key, null));
		concurrentDelete.join();
		if (completed.unknown()) {
			asset.uncertain = true;
		}
		if (completed.ok()) {
			this.model.later(() -> {
				if (asset.deletedEnd < completed.start()) {
					this.findings.violation("asset-deleted", "completing the upload of " + asset + " answered "
							+ completed.status() + " after a " + asset.deletedBy + " of it answered");
				}
			});
		}
	}

	private void deleteUpload(Asset asset, String operation) {
		Answer answer = this.findings.send(operation,
				() -> this.api.delete("/api/v1/assets/" + asset.id + "?force=true", this.key));
		if (answer.ok()) {
			asset.deleted(answer, operation);
		}
		else if (answer.unknown()) {
			asset.uncertain = true;
		}
	}

	/** A write into a dataset accepted while, for certain, it was not active. */
	private void refusedWrite(Dataset dataset, Answer answer, String what) {
		if (dataset.throughout(answer.start(), answer.end(), (s) -> !s.active())) {
			this.findings.violation("dataset-not-active", what + " while " + dataset + " was deleted");
		}
	}

	static UUID id(Answer answer, String field) {
		return UUID.fromString(answer.response().json().get(field).stringValue());
	}

	/** Bytes to upload: a small real PNG (so previews are real) or random bytes. */
	record Content(String filename, String contentType, byte[] bytes, String sha256) {

		static Content random(Random random) {
			if (random.nextBoolean()) {
				byte[] png = TestImages.png(8 + random.nextInt(56), 8 + random.nextInt(56));
				return new Content("image.png", "image/png", png, sha256(png));
			}
			byte[] bytes = new byte[64 + random.nextInt(4096)];
			random.nextBytes(bytes);
			return new Content("blob.bin", "application/octet-stream", bytes, sha256(bytes));
		}

		static String sha256(byte[] bytes) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
