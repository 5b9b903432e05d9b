package io.lethe.command.deletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.SamplesDeletionRequested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side of asset deletes (reference 003) and batch sample deletes (reference
 * 004).
 */
class AssetAndSampleDeletionIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aReferencedAssetIsNotDeletedWithoutForceAndTheConflictListsTheReferences() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String dataset = dataset(org, "refs");
		String item = item(org, dataset, asset);

		Response refused = this.api.delete("/api/v1/assets/" + asset, org.key());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode reference = refused.json().get("references").get(0);
		assertThat(reference.get("dataset_id").stringValue()).isEqualTo(dataset);
		assertThat(reference.get("item_id").stringValue()).isEqualTo(item);
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);
	}

	@Test
	void aForcedDeleteUnlinksEntitiesAndFlagsTheItemsWhichKeepTheirVectors() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String dataset = dataset(org, "forced");
		String item = item(org, dataset, asset);
		this.api.send("PUT", "/api/v1/datasets/" + dataset + "/items/" + item + "/embeddings/multimodal", org.key(),
				Map.of("vector", List.of(1, 0, 0, 0, 0, 0, 0, 0)));
		String entity = this.api.post("/api/v1/entities", org.key(), Map.of("name", "Someone"))
			.json()
			.get("id")
			.stringValue();
		this.api.post("/api/v1/entities/" + entity + "/assets", org.key(), Map.of("asset_ids", List.of(asset)));

		Response deleted = this.api.delete("/api/v1/assets/" + asset + "?force=true", org.key());

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("entities_unlinked").intValue()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/entities/" + entity, org.key()).json().get("asset_ids").isEmpty()).isTrue();
		JsonNode kept = this.api.get("/api/v1/datasets/" + dataset + "/items/" + item, org.key()).json();
		assertThat(kept.get("source_deleted").booleanValue()).isTrue();
		assertThat(kept.get("has_preview").booleanValue()).isTrue();
		assertThat(kept.get("embeddings").get(0).stringValue()).isEqualTo("multimodal");
		AssetDeletionRequested event = (AssetDeletionRequested) DeletionCommandIntegrationTests.events(asset, 1)
			.get(0)
			.value();
		assertThat(event.getForce()).isTrue();
		assertThat(event.getCascade()).isFalse();
		assertThat(this.api.delete("/api/v1/assets/" + asset + "?force=true", org.key()).status()).isEqualTo(404);
	}

	@Test
	void aCascadingDeleteAlsoRemovesTheReferencingItems() {
		TestOrg org = newOrg();
		String asset = asset(org);
		String first = dataset(org, "cascade_a");
		String second = dataset(org, "cascade_b");
		item(org, first, asset);
		item(org, second, asset);

		Response deleted = this.api.delete("/api/v1/assets/" + asset + "?force=true&cascade=true", org.key());

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("references").values())
			.extracting((reference) -> reference.get("item_status").stringValue())
			.containsExactly("deleted", "deleted");
		assertThat(total(org, first)).isZero();
		assertThat(total(org, second)).isZero();
	}

	@Test
	void anUnreferencedAssetIsDeletedWithoutForceAndBadFlagsAre422() {
		TestOrg org = newOrg();
		String asset = asset(org);

		assertThat(this.api.delete("/api/v1/assets/" + asset + "?force=maybe", org.key()).status()).isEqualTo(422);
		assertThat(this.api.delete("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/assets/" + UUID.randomUUID(), org.key()).status()).isEqualTo(404);
	}

	@Test
	void aBatchAnswersEachSampleInRequestOrderAndHidesTheDeletedAtOnce() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "batch");
		String a = item(org, dataset, asset(org));
		String b = item(org, dataset, asset(org));
		String kept = item(org, dataset, asset(org));
		String foreign = item(stranger, dataset(stranger, "theirs"), asset(stranger));
		String unknown = UUID.randomUUID().toString();

		Response response = this.api.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(),
				Map.of("samples", List.of(b, unknown, a, b, foreign, "not-a-uuid")));

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("success").booleanValue()).isFalse();
		assertThat(body.get("results").values()).extracting((r) -> r.get("sample_id").stringValue())
			.containsExactly(b, unknown, a, foreign, "not-a-uuid");
		assertThat(body.get("results").values())
			.extracting((r) -> r.get("success").booleanValue() ? "ok" : r.get("error_code").stringValue())
			.containsExactly("ok", "SAMPLE_NOT_FOUND", "ok", "SAMPLE_NOT_FOUND", "SAMPLE_NOT_FOUND");
		JsonNode remaining = this.api.get("/api/v1/datasets/" + dataset + "/items", org.key()).json();
		assertThat(remaining.get("data").values()).extracting((i) -> i.get("id").stringValue()).containsExactly(kept);
		SamplesDeletionRequested event = (SamplesDeletionRequested) DeletionCommandIntegrationTests.events(dataset, 1)
			.get(0)
			.value();
		assertThat(event.getSampleIds()).containsExactlyInAnyOrder(a, b);
		assertThat(this.api.get("/api/v1/datasets/" + dataset(stranger, "x") + "/items", stranger.key()).status())
			.isEqualTo(200);
	}

	@Test
	void aBatchWhereEverySampleSucceedsIsASuccess() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "all_ok");
		String a = item(org, dataset, asset(org));

		JsonNode body = this.api
			.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(), Map.of("samples", List.of(a)))
			.json();

		assertThat(body.get("success").booleanValue()).isTrue();
		assertThat(body.get("results").get(0).get("error_code").isNull()).isTrue();
	}

	@Test
	void aSourceStillUsedElsewhereIsKeptUnlessForced() {
		TestOrg org = newOrg();
		String shared = asset(org);
		String own = asset(org);
		String dataset = dataset(org, "sources");
		String other = dataset(org, "sources_other");
		String usesShared = item(org, dataset, shared);
		String usesOwn = item(org, dataset, own);
		item(org, other, shared);

		JsonNode first = this.api
			.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(),
					Map.of("samples", List.of(usesShared, usesOwn), "delete_source", true))
			.json();

		assertThat(first.get("results").values())
			.extracting((r) -> r.get("success").booleanValue() ? "ok" : r.get("error_code").stringValue())
			.containsExactly("SOURCE_IN_USE", "ok");
		assertThat(this.api.get("/api/v1/assets/" + own, org.key()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/assets/" + shared, org.key()).status()).isEqualTo(200);
		assertThat(total(org, dataset)).isEqualTo(1);

		JsonNode forced = this.api
			.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(),
					Map.of("samples", List.of(usesShared), "delete_source", true, "force", true))
			.json();

		assertThat(forced.get("success").booleanValue()).isTrue();
		assertThat(this.api.get("/api/v1/assets/" + shared, org.key()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/datasets/" + other + "/items", org.key())
			.json()
			.get("data")
			.get(0)
			.get("source_deleted")
			.booleanValue()).isTrue();
	}

	@Test
	void emptyOversizedOrMalformedBatchesAre422() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "limits");
		List<String> tooMany = new ArrayList<>();
		IntStream.range(0, 1001).forEach((i) -> tooMany.add(UUID.randomUUID().toString()));

		for (Object body : List.of(Map.of("samples", List.of()), Map.of("samples", tooMany), Map.of(),
				Map.of("samples", "abc"), Map.of("samples", List.of(1, 2)),
				Map.of("samples", List.of("a"), "delete_source", "yes"))) {
			Response response = this.api.post("/api/v1/datasets/" + dataset + "/samples/delete", org.key(), body);
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
		}
		assertThat(this.api
			.post("/api/v1/datasets/" + UUID.randomUUID() + "/samples/delete", org.key(),
					Map.of("samples", List.of("a")))
			.status()).isEqualTo(404);
	}

	private long total(TestOrg org, String dataset) {
		return this.api.get("/api/v1/datasets/" + dataset + "/items", org.key())
			.json()
			.get("meta")
			.get("total")
			.longValue();
	}

}
