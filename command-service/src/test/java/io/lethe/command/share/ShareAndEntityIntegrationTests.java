package io.lethe.command.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lethe.testkit.Api.Response;
import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.auth.SecretDigests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ShareAndEntityIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aShareLinkShowsTheSummaryWithoutAKeyUntilTheDatasetIsDeleted() {
		TestOrg org = newOrg();
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "shared", "description", "Look"))
			.json()
			.get("id")
			.stringValue();

		Response created = this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(),
				Map.of("expires_in", "P1D"));
		assertThat(created.status()).isEqualTo(201);
		String token = created.json().get("token").stringValue();
		assertThat(created.json().get("url").stringValue()).endsWith("/share/" + token);
		assertThat(Instant.parse(created.json().get("expires_at").stringValue())).isAfter(Instant.now());

		Response opened = this.api.get("/share/" + token, null);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.json().get("dataset").get("name").stringValue()).isEqualTo("shared");
		assertThat(opened.json().get("dataset").get("item_count").longValue()).isZero();

		this.api.delete("/api/v1/datasets/" + dataset, org.key());

		assertThat(this.api.get("/share/" + token, null).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select revoked_at is not null from catalog.share_links where token_sha256 = :t")
			.param("t", SecretDigests.sha256Hex(token))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void unknownOrBadShareTokensAreNotFoundAndBadLifetimesAre422() {
		TestOrg org = newOrg();
		String dataset = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "s2"))
			.json()
			.get("id")
			.stringValue();

		assertThat(this.api.get("/share/nope", null).status()).isEqualTo(404);
		assertThat(this.api.get("/share/%27%20or%201=1%20--", null).status()).isIn(400, 404);
		assertThat(this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), Map.of("expires_in", "P1000D"))
			.status()).isEqualTo(422);
		assertThat(this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), Map.of("expires_in", "soon"))
			.status()).isEqualTo(422);
	}

	@Test
	void entitiesLinkToAssetsAndListWhatAForceDeleteWouldUnlink() {
		TestOrg org = newOrg();
		String asset = this.api
			.upload("/api/v1/assets", org.key(), "face.png", "image/png", new byte[] { 1, 2 }, Map.of())
			.json()
			.get("id")
			.stringValue();
		Response entity = this.api.post("/api/v1/entities", org.key(), Map.of("name", "Ada Lovelace"));
		String id = entity.json().get("id").stringValue();

		Response linked = this.api.post("/api/v1/entities/" + id + "/assets", org.key(),
				Map.of("asset_ids", List.of(asset, asset)));
		JsonNode ofAsset = this.api.get("/api/v1/assets/" + asset + "/entities", org.key()).json();

		assertThat(entity.status()).isEqualTo(201);
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.json().get("asset_ids").size()).isEqualTo(1);
		assertThat(ofAsset.get("total").intValue()).isEqualTo(1);
		assertThat(ofAsset.get("data").get(0).get("name").stringValue()).isEqualTo("Ada Lovelace");

		assertThat(this.api.delete("/api/v1/entities/" + id + "/assets/" + asset, org.key()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/assets/" + asset + "/entities", org.key()).json().get("total").intValue())
			.isZero();
		assertThat(this.api.delete("/api/v1/entities/" + id + "/assets/" + asset, org.key()).status()).isEqualTo(404);
	}

	@Test
	void entityInputIsValidatedAndScopedToTheOrg() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String id = this.api.post("/api/v1/entities", org.key(), Map.of("name", "Logo")).json().get("id").stringValue();
		String foreignAsset = this.api
			.upload("/api/v1/assets", stranger.key(), "x.bin", "application/octet-stream", new byte[] { 1 }, Map.of())
			.json()
			.get("id")
			.stringValue();

		assertThat(this.api.post("/api/v1/entities", org.key(), Map.of("name", "")).status()).isEqualTo(422);
		assertThat(this.api.post("/api/v1/entities", org.key(), Map.of("name", 5)).status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/entities/" + id, stranger.key()).status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/entities/" + id + "/assets", org.key(), Map.of("asset_ids", List.of(foreignAsset)))
			.status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/entities/" + id + "/assets", org.key(), Map.of("asset_ids", List.of("x")))
			.status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/entities", org.key()).json().get("meta").get("total").longValue())
			.isEqualTo(1);
	}

	@Test
	void anInvalidEntityBodyListsEveryProblemWithItsDocumentedType() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/entities", org.key(), Map.of("name", "team")).json().get("id").stringValue();

		Response create = this.api.post("/api/v1/entities", org.key(), "{\"name\": \"   \", \"description\": 7}");
		Response link = this.api.post("/api/v1/entities/" + id + "/assets", org.key(),
				"{\"asset_ids\": [\"not-a-uuid\", 3, \"\"]}");

		assertThat(create.status()).isEqualTo(422);
		assertThat(create.json().get("errors").values())
			.extracting((e) -> e.get("loc").get(1).stringValue(), (e) -> e.get("type").stringValue())
			.containsExactly(tuple("name", "string_length"), tuple("description", "string_type"));
		assertThat(link.status()).isEqualTo(422);
		assertThat(link.json().get("errors").values())
			.extracting((e) -> e.get("loc").get(2).intValue(), (e) -> e.get("type").stringValue())
			.containsExactly(tuple(0, "uuid_parsing"), tuple(1, "string_type"), tuple(2, "string_length"));
	}

}
