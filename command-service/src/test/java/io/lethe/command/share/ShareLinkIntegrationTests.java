package io.lethe.command.share;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.auth.SecretDigests;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.AtOnce;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links as a bearer secret: the token is shown once and stored only as its SHA-256,
 * each link is listed and revoked on its own, and whoever holds a dead token learns
 * nothing from the answer.
 */
class ShareLinkIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void theTokenIsShownOnceAndOnlyItsDigestIsStored() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "hashed");

		Response created = share(org, dataset);
		String token = created.json().get("token").stringValue();
		String id = created.json().get("id").stringValue();

		String row = this.jdbc.sql("select s::text from catalog.share_links s where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(token).contains(SecretDigests.sha256Hex(token));
		assertThat(this.jdbc
			.sql("select count(*) from information_schema.columns "
					+ "where table_schema = 'catalog' and table_name = 'share_links' and column_name = 'token'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get("/share/" + token, null).status()).isEqualTo(200);
	}

	@Test
	void theListShowsEveryLinkOfTheDatasetNewestFirstWithoutTokens() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "listed");
		Response first = share(org, dataset);
		Response second = share(org, dataset);

		Response listed = this.api.get("/api/v1/datasets/" + dataset + "/shares", org.key());

		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(first.json().get("token").stringValue())
			.doesNotContain(second.json().get("token").stringValue())
			.doesNotContain("token");
		JsonNode data = listed.json().get("data");
		assertThat(data.values()).extracting((link) -> link.get("id").stringValue())
			.containsExactly(second.json().get("id").stringValue(), first.json().get("id").stringValue());
		JsonNode link = data.get(0);
		assertThat(List.copyOf(link.propertyNames())).containsExactlyInAnyOrder("id", "created_at", "created_by",
				"expires_at", "revoked_at");
		assertThat(link.get("created_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(link.get("expires_at").stringValue()).isEqualTo(second.json().get("expires_at").stringValue());
		assertThat(link.get("revoked_at").isNull()).isTrue();
		assertThat(listed.json().get("meta").get("total").longValue()).isEqualTo(2);
	}

	@Test
	void revokingOneLinkLeavesTheOthersOpenAndRevokingAgainChangesNothing() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "revoked_one");
		Response revoked = share(org, dataset);
		Response kept = share(org, dataset);
		String path = "/api/v1/datasets/" + dataset + "/shares/" + revoked.json().get("id").stringValue();

		assertThat(this.api.delete(path, org.key()).status()).isEqualTo(204);
		String revokedAt = revokedAt(org, dataset, revoked);
		assertThat(this.api.delete(path, org.key()).status()).isEqualTo(204);

		assertThat(this.api.get("/share/" + revoked.json().get("token").stringValue(), null).status()).isEqualTo(404);
		assertThat(this.api.get("/share/" + kept.json().get("token").stringValue(), null).status()).isEqualTo(200);
		assertThat(revokedAt).isNotNull();
		assertThat(revokedAt(org, dataset, revoked)).isEqualTo(revokedAt);
		assertThat(revokedAt(org, dataset, kept)).isNull();
		assertThat(this.jdbc
			.sql("select count(*) from catalog.audit where action = 'share.revoke' and target_id = :id "
					+ "and actor_org = :org and outcome = 'ok'")
			.param("id", UUID.fromString(revoked.json().get("id").stringValue()))
			.param("org", org.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void revokedUnknownAndExpiredTokensAnswerAlikeAndNothingIsCached() {
		TestOrg org = newOrg();
		String dataset = dataset(org, "dead_links");
		Response open = share(org, dataset);
		Response revoked = share(org, dataset);
		Response expired = share(org, dataset);
		this.api.delete("/api/v1/datasets/" + dataset + "/shares/" + revoked.json().get("id").stringValue(), org.key());
		this.jdbc.sql("update catalog.share_links set expires_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(expired.json().get("id").stringValue()))
			.update();

		Response opened = this.api.get("/share/" + open.json().get("token").stringValue(), null);
		List<Response> dead = List.of(this.api.get("/share/" + revoked.json().get("token").stringValue(), null),
				this.api.get("/share/" + expired.json().get("token").stringValue(), null),
				this.api.get("/share/" + open.json().get("token").stringValue() + "x", null));

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.header("Cache-Control")).isEqualTo("no-store");
		for (Response answer : dead) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
			assertThat(answer.contentType()).isEqualTo(dead.get(0).contentType());
			assertThat(withoutInstance(answer)).isEqualTo(withoutInstance(dead.get(0)));
		}
	}

	@Test
	void anotherOrgCannotListOrRevokeALinkAndItsTriesAreAudited() {
		TestOrg org = newOrg();
		TestOrg stranger = newOrg();
		String dataset = dataset(org, "not_yours");
		String strangersDataset = dataset(stranger, "mine");
		Response link = share(org, dataset);
		String id = link.json().get("id").stringValue();

		assertThat(this.api.get("/api/v1/datasets/" + dataset + "/shares", stranger.key()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "/shares/" + id, stranger.key()).status())
			.isEqualTo(404);
		assertThat(this.api.delete("/api/v1/datasets/" + strangersDataset + "/shares/" + id, stranger.key()).status())
			.isEqualTo(404);
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "/shares/" + UUID.randomUUID(), org.key()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/datasets/" + strangersDataset + "/shares", stranger.key())
			.json()
			.get("data")
			.size()).isZero();
		assertThat(this.api.get("/share/" + link.json().get("token").stringValue(), null).status()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("select count(*) from catalog.audit where action = 'share.revoke' and target_id = :id "
					+ "and actor_org = :org and outcome = 'refused'")
			.param("id", UUID.fromString(id))
			.param("org", stranger.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/**
	 * A link created while its dataset is being deleted either commits first and is
	 * revoked with the others, or waits for the delete and is refused: a deleted dataset
	 * never keeps an open link.
	 */
	@Test
	void linksCreatedWhileTheDatasetIsDeletedAreRevokedWithItOrRefused() throws Exception {
		TestOrg org = newOrg();
		for (int round = 0; round < 20; round++) {
			String dataset = dataset(org, "shared_raced_" + round);
			share(org, dataset);
			Callable<Response> create = () -> this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(),
					Map.of("expires_in", "P1D"));
			List<Callable<Response>> requests = new ArrayList<>(Collections.nCopies(3, create));
			requests.add(0, () -> this.api.delete("/api/v1/datasets/" + dataset, org.key()));

			List<Response> answers = AtOnce.call(requests);

			assertThat(answers.get(0).status()).isEqualTo(200);
			List<Response> created = answers.subList(1, 4);
			assertThat(created).extracting(Response::status).as("round %d", round).isSubsetOf(201, 409);
			assertThat(created).filteredOn((answer) -> answer.status() == 409)
				.allSatisfy((answer) -> assertThat(answer.json().get("type").stringValue())
					.isEqualTo("urn:lethe:problem:dataset-not-active"));
			JsonNode links = this.api.get("/api/v1/datasets/" + dataset + "/shares", org.key()).json().get("data");
			assertThat(links.size()).as("round %d", round)
				.isEqualTo(1 + created.stream().filter((answer) -> answer.status() == 201).count());
			assertThat(links.values()).as("round %d", round)
				.allSatisfy((link) -> assertThat(link.get("revoked_at").isNull()).isFalse());
		}
	}

	private Response share(TestOrg org, String dataset) {
		Response created = this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(),
				Map.of("expires_in", "P1D"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private String revokedAt(TestOrg org, String dataset, Response link) {
		String id = link.json().get("id").stringValue();
		for (JsonNode listed : this.api.get("/api/v1/datasets/" + dataset + "/shares", org.key())
			.json()
			.get("data")
			.values()) {
			if (listed.get("id").stringValue().equals(id)) {
				return listed.get("revoked_at").isNull() ? null : listed.get("revoked_at").stringValue();
			}
		}
		throw new AssertionError("link " + id + " not listed");
	}

	/**
	 * The problem without its {@code instance}, which is the path the caller asked for.
	 */
	private static JsonNode withoutInstance(Response answer) {
		ObjectNode body = (ObjectNode) answer.json();
		body.remove("instance");
		return body;
	}

}
