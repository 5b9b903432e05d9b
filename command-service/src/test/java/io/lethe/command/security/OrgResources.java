package io.lethe.command.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest.TestOrg;
import io.lethe.testkit.Api;
import io.lethe.testkit.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One org with one of everything the API manages, made through the API: a dataset with an
 * item that has a vector and a preview, an asset linked to an entity, a multipart upload
 * in progress, a share link (its id and its token) and a deleted batch of samples.
 */
record OrgResources(TestOrg org, String dataset, String item, String asset, String entity, String upload, String share,
		String shareToken, String samplesDeletion) {

	static final List<Double> VECTOR = List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5);

	static OrgResources create(Api api, TestOrg org) {
		String key = org.key();
		String dataset = id(api.post("/api/v1/datasets", key, Map.of("name", "guarded_" + shortId())));
		String asset = id(api.upload("/api/v1/assets", key, "guarded.png", "image/png", TestImages.png(48, 32),
				Map.of("metadata", "{\"title\": \"guarded\"}")));
		String item = id(api.post("/api/v1/datasets/" + dataset + "/items", key, Map.of("asset_id", asset)));
		assertThat(api
			.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", key,
					Map.of("vector", VECTOR))
			.status()).isEqualTo(204);
		String entity = id(api.post("/api/v1/entities", key, Map.of("name", "Guarded")));
		assertThat(
				api.post("/api/v1/entities/" + entity + "/assets", key, Map.of("asset_ids", List.of(asset))).status())
			.isLessThan(300);
		String upload = id(
				api.post("/api/v1/assets/uploads", key, Map.of("filename", "big.mp4", "content_type", "video/mp4")));
		Api.Response share = api.post("/api/v1/datasets/" + dataset + "/shares", key, Map.of("expires_in", "P1D"));
		assertThat(share.status()).as(share.toString()).isEqualTo(201);
		String other = id(
				api.upload("/api/v1/assets", key, "deleted.png", "image/png", TestImages.png(8, 8), Map.of()));
		String deletedItem = id(api.post("/api/v1/datasets/" + dataset + "/items", key, Map.of("asset_id", other)));
		Api.Response batch = api.post("/api/v1/datasets/" + dataset + "/samples/delete", key,
				Map.of("samples", List.of(deletedItem)));
		assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
		return new OrgResources(org, dataset, item, asset, entity, upload, share.json().get("id").stringValue(),
				share.json().get("token").stringValue(), batch.json().get("deletion_event_id").stringValue());
	}

	/** Every id of this org's resources, to look for in answers given to others. */
	List<String> ids() {
		return List.of(this.dataset, this.item, this.asset, this.entity, this.upload, this.share, this.shareToken,
				this.samplesDeletion);
	}

	/** This org's resource for a path variable of {@code route}. */
	String value(ApiRoutes.Route route, String variable) {
		return switch (variable) {
			case "dataset_id", "id" -> this.dataset;
			case "item_id" -> this.item;
			case "asset_id" -> route.path().contains("/uploads/") ? this.upload : this.asset;
			case "entity_id" -> this.entity;
			case "embedding_name" -> "multimodal";
			case "part_number" -> "1";
			case "project_id" -> this.org.id().toString();
			case "share_id" -> this.share;
			case "token" -> this.shareToken;
			case "job_id", "run_id", "consumer_id" -> UUID.randomUUID().toString();
			case "root_type" -> "dataset";
			case "root_id" -> this.dataset;
			case "deletion_event_id" -> this.samplesDeletion;
			default -> throw new IllegalArgumentException("No value for {" + variable + "} of " + route);
		};
	}

	private static String id(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
		return response.json().get("id").stringValue();
	}

	private static String shortId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
