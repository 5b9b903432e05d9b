package io.lethe.command.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import io.lethe.testkit.Api.Response;
import io.lethe.testkit.AtOnce;
import io.lethe.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetApiIntegrationTests extends CommandServiceIntegrationTest {

	private static final String COACTIVE_CONFIG = """
			{"embedding_id": {"image": "b25cf36e-e9b3-41d2-a856-47c891622cf9"},
			 "encoder_name": {"image": "nova2-multimodal-1024"},
			 "extra_config": {"composite_settings": {"capped-shot-segment": {"maximum_slice_duration_seconds": 30}}},
			 "hybrid_search": {"weights": {"image": 0.5, "text": 0.5}},
			 "new_video_data_model": false, "precise": 0.123456789012345678901234567890,
			 "big": 123456789012345678901234567890, "nested": [1, "two", null, {"three": [3.0]}],
			 "unicode": "Grüße — 数据集 🚀", "agentic_search_metadata_description": {"year": "Release year as integer"}}
			""";

	@Test
	void creatingADatasetReturnsEveryFieldOfTheCoactiveResource() {
		TestOrg org = newOrg();

		Response created = this.api.post("/api/v1/datasets", org.key(),
				Map.of("name", "march_2025_sports_clips", "description", "Clips from March Madness",
						"metadata_fields_to_index", List.of("title", "description")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/json");
		JsonNode d = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/datasets/" + d.get("id").stringValue());
		assertThat(fieldNames(d)).containsExactly("created_dt", "created_by", "id", "name", "embeddings", "encoders",
				"description", "allowed_asset_types", "status", "keyframe_sampling_method", "store_original",
				"store_preview", "updated_dt", "updated_by", "deleted_dt", "deleted_by",
				"keyframe_uniform_fps_sampling_rate", "metadata_fields_to_index", "metadata_fields_to_embed",
				"dataset_config", "expires_at");
		assertThat(d.get("name").stringValue()).isEqualTo("march_2025_sports_clips");
		assertThat(d.get("status").stringValue()).isEqualTo("active");
		assertThat(d.get("created_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(d.get("updated_by").stringValue()).isEqualTo(org.keyId().toString());
		assertThat(Instant.parse(d.get("created_dt").stringValue())).isCloseTo(Instant.now(),
				within(Duration.ofMinutes(1)));
		assertThat(d.get("created_dt").stringValue()).endsWith("Z");
		assertThat(d.get("keyframe_sampling_method").stringValue()).isEqualTo("intelligent");
		assertThat(d.get("store_original").booleanValue()).isTrue();
		assertThat(d.get("store_preview").booleanValue()).isTrue();
		assertThat(d.get("allowed_asset_types").values()).extracting(JsonNode::stringValue)
			.containsExactly("image", "video");
		assertThat(d.get("embeddings").get(0).get("name").stringValue()).isEqualTo("multimodal");
		assertThat(d.get("embeddings").get(0).get("modalities").values()).extracting(JsonNode::stringValue)
			.containsExactly("image", "video");
		assertThat(d.get("encoders")).isEqualTo(d.get("embeddings"));
		assertThat(d.get("deleted_dt").isNull()).isTrue();
		assertThat(d.get("dataset_config").isNull()).isTrue();

		Response fetched = this.api.get("/api/v1/datasets/" + d.get("id").stringValue(), org.key());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(d);
	}

	@Test
	void datasetConfigIsStoredAndReturnedVerbatim() {
		TestOrg org = newOrg();
		JsonMapper exact = JsonMapper.builder()
			.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
		String body = "{\"name\": \"configured\", \"dataset_config\": " + COACTIVE_CONFIG + "}";

		Response created = this.api.post("/api/v1/datasets", org.key(), body);
		Response fetched = this.api.get("/api/v1/datasets/" + created.json().get("id").stringValue(), org.key());

		assertThat(created.status()).isEqualTo(201);
		JsonNode sent = exact.readTree(COACTIVE_CONFIG);
		assertThat(exact.readTree(created.body()).get("dataset_config")).isEqualTo(sent);
		assertThat(exact.readTree(fetched.body()).get("dataset_config")).isEqualTo(sent);
		assertThat(fetched.body()).contains("0.123456789012345678901234567890")
			.contains("123456789012345678901234567890")
			.contains("Grüße — 数据集 🚀");
	}

	@Test
	void everyOptionalFieldCanBeSetAtCreation() {
		TestOrg org = newOrg();

		Response created = this.api.post("/api/v1/datasets", org.key(),
				Map.of("name", "Full_Set_1", "encoder_name", "multimodal-tx-large", "allowed_asset_types",
						List.of("video", "audio"), "keyframe_sampling_method", "uniform",
						"keyframe_uniform_fps_sampling_rate", 0.00001, "store_original", false, "store_preview", false,
						"metadata_fields_to_embed", List.of("title"), "add_to_permit", true));

		assertThat(created.status()).isEqualTo(201);
		JsonNode d = created.json();
		assertThat(d.get("embeddings").get(0).get("name").stringValue()).isEqualTo("multimodal-tx-large");
		assertThat(d.get("allowed_asset_types").values()).extracting(JsonNode::stringValue)
			.containsExactly("video", "audio");
		assertThat(d.get("keyframe_sampling_method").stringValue()).isEqualTo("uniform");
		assertThat(d.get("keyframe_uniform_fps_sampling_rate").doubleValue()).isEqualTo(0.00001);
		assertThat(d.get("store_original").booleanValue()).isFalse();
		assertThat(d.get("store_preview").booleanValue()).isFalse();
		assertThat(d.get("metadata_fields_to_embed").values()).extracting(JsonNode::stringValue)
			.containsExactly("title");
		assertThat(d.get("metadata_fields_to_index").isNull()).isTrue();
	}

	@Test
	void anOperatorKeyCanKeepAKnownDatasetIdDuringMigration() {
		TestOrg org = newOrg();
		String operator = operatorKey(org);
		String id = java.util.UUID.randomUUID().toString();

		Response created = this.api.post("/api/v1/datasets", operator, Map.of("name", "migrated", "dataset_id", id));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("id").stringValue()).isEqualTo(id);
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).status()).isEqualTo(200);
	}

	@Test
	void aMemberKeyMayNotChooseADatasetId() {
		TestOrg org = newOrg();
		String id = java.util.UUID.randomUUID().toString();

		Response refused = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "chosen", "dataset_id", id));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:operator-key-required");
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from catalog.datasets where id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTakenDatasetIdIsAnsweredAlikeWhicheverOrgHoldsIt() {
		TestOrg org = newOrg();
		TestOrg other = newOrg();
		String operator = operatorKey(org);
		String own = dataset(org, "own_dataset");
		String foreign = dataset(other, "foreign_dataset");

		Response ownTaken = this.api.post("/api/v1/datasets", operator, Map.of("name", "again", "dataset_id", own));
		Response foreignTaken = this.api.post("/api/v1/datasets", operator,
				Map.of("name", "again", "dataset_id", foreign));

		assertThat(ownTaken.status()).isEqualTo(409);
		assertThat(ownTaken.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:id-taken");
		assertThat(foreignTaken.status()).isEqualTo(ownTaken.status());
		assertThat(foreignTaken.contentType()).isEqualTo(ownTaken.contentType());
		assertThat(withoutInstance(foreignTaken)).isEqualTo(withoutInstance(ownTaken));
		assertThat(foreignTaken.body()).doesNotContain(foreign).doesNotContain("foreign_dataset");
	}

	@Test
	void listingIsNewestFirstPaginatedAndOnlyTheCallersOrg() {
		TestOrg org = newOrg();
		TestOrg other = newOrg();
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post("/api/v1/datasets", org.key(), Map.of("name", "ds_" + i)).status()).isEqualTo(201);
		}
		this.api.post("/api/v1/datasets", other.key(), Map.of("name", "ds_other"));

		Response first = this.api.get("/api/v1/datasets?limit=2", org.key());
		Response last = this.api.get("/api/v1/datasets?limit=2&offset=4", org.key());

		assertThat(first.status()).isEqualTo(200);
		assertThat(names(first.json())).containsExactly("ds_4", "ds_3");
		assertThat(first.json().get("meta").get("total").longValue()).isEqualTo(5);
		assertThat(first.json().get("meta").get("next_offset").longValue()).isEqualTo(2);
		assertThat(names(last.json())).containsExactly("ds_0");
		assertThat(last.json().get("meta").get("next_offset").isNull()).isTrue();
	}

	@Test
	void patchingChangesOnlyTheFieldsSent() {
		TestOrg org = newOrg();
		JsonNode created = this.api
			.post("/api/v1/datasets", org.key(),
					Map.of("name", "before", "description", "keep me", "metadata_fields_to_index", List.of("title")))
			.json();
		String id = created.get("id").stringValue();

		Response patched = this.api.patch("/api/v1/datasets/" + id, org.key(),
				"{\"name\": \"after\", \"store_preview\": false, \"dataset_config\": {\"a\": 1}, \"description\": null}");

		assertThat(patched.status()).isEqualTo(200);
		JsonNode d = patched.json();
		assertThat(d.get("name").stringValue()).isEqualTo("after");
		assertThat(d.get("store_preview").booleanValue()).isFalse();
		assertThat(d.get("dataset_config").get("a").intValue()).isEqualTo(1);
		assertThat(d.get("description").isNull()).isTrue();
		assertThat(d.get("metadata_fields_to_index").get(0).stringValue()).isEqualTo("title");
		assertThat(d.get("created_dt")).isEqualTo(created.get("created_dt"));
		assertThat(Instant.parse(d.get("updated_dt").stringValue()))
			.isAfterOrEqualTo(Instant.parse(created.get("updated_dt").stringValue()));
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).json()).isEqualTo(d);
	}

	@Test
	void aNameIsUniqueAmongTheLiveDatasetsOfAnOrgOnly() {
		TestOrg org = newOrg();
		TestOrg other = newOrg();
		this.api.post("/api/v1/datasets", org.key(), Map.of("name", "shared_name"));

		Response taken = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "shared_name"));
		Response otherOrg = this.api.post("/api/v1/datasets", other.key(), Map.of("name", "shared_name"));

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.contentType()).startsWith("application/problem+json");
		assertThat(taken.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:name-taken");
		assertThat(taken.json().get("name").stringValue()).isEqualTo("shared_name");
		assertThat(otherOrg.status()).isEqualTo(201);
	}

	@Test
	void renamingOntoATakenNameIsAConflictAndChangesNothing() {
		TestOrg org = newOrg();
		this.api.post("/api/v1/datasets", org.key(), Map.of("name", "first"));
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "second"))
			.json()
			.get("id")
			.stringValue();

		Response renamed = this.api.patch("/api/v1/datasets/" + id, org.key(),
				Map.of("name", "first", "description", "x"));

		assertThat(renamed.status()).isEqualTo(409);
		JsonNode unchanged = this.api.get("/api/v1/datasets/" + id, org.key()).json();
		assertThat(unchanged.get("name").stringValue()).isEqualTo("second");
		assertThat(unchanged.get("description").isNull()).isTrue();
	}

	@Test
	void deletingADatasetHidesItFromListsAtOnce() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "doomed"))
			.json()
			.get("id")
			.stringValue();
		this.api.post("/api/v1/datasets", org.key(), Map.of("name", "kept"));

		Response deleted = this.api.delete("/api/v1/datasets/" + id + "?grace=PT1H", org.key());

		assertThat(deleted.status()).isEqualTo(200);
		JsonNode d = deleted.json();
		assertThat(d.get("status").stringValue()).isEqualTo("pending_deletion");
		assertThat(d.get("deleted_by").stringValue()).isEqualTo(org.keyId().toString());
		Instant deletedAt = Instant.parse(d.get("deleted_dt").stringValue());
		assertThat(Instant.parse(d.get("expires_at").stringValue())).isEqualTo(deletedAt.plus(Duration.ofHours(1)));
		assertThat(names(this.api.get("/api/v1/datasets", org.key()).json())).containsExactly("kept");
		assertThat(names(this.api.get("/api/v1/datasets?status=pending_deletion", org.key()).json()))
			.containsExactly("doomed");
		assertThat(this.api.get("/api/v1/datasets/" + id, org.key()).json().get("status").stringValue())
			.isEqualTo("pending_deletion");
	}

	@Test
	void deletingTwiceReturnsTheSameStateAndADeletedNameCanBeReused() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "twice"))
			.json()
			.get("id")
			.stringValue();

		Response first = this.api.delete("/api/v1/datasets/" + id, org.key());
		Response second = this.api.delete("/api/v1/datasets/" + id + "?grace=PT0S", org.key());

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json()).isEqualTo(first.json());
		assertThat(Duration.between(Instant.parse(first.json().get("deleted_dt").stringValue()),
				Instant.parse(first.json().get("expires_at").stringValue())))
			.isEqualTo(Duration.ofHours(24));
		assertThat(this.api.post("/api/v1/datasets", org.key(), Map.of("name", "twice")).status()).isEqualTo(201);
	}

	@Test
	void deletesOfOneDatasetAtOnceDeleteItOnceWithOneEventAndOneLedgerRow() throws Exception {
		TestOrg org = newOrg();
		String id = dataset(org, "at_once");

		Callable<Response> delete = () -> this.api.delete("/api/v1/datasets/" + id, org.key());
		List<Response> answers = AtOnce.call(Collections.nCopies(8, delete));

		// every client sees the one delete that happened, with its deleted_dt
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.json()).isEqualTo(answers.get(0).json()));
		assertThat(answers.get(0).json().get("status").stringValue()).isEqualTo("pending_deletion");
		assertThat(events(id)).containsExactly("DatasetDeletionRequested");
		assertThat(this.jdbc.sql("select count(*) from catalog.deletion_ledger where root_id = cast(:id as uuid)")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void createsOfOneNameAtOnceMakeOneDatasetAndRefuseTheOthers() throws Exception {
		TestOrg org = newOrg();

		Callable<Response> create = () -> this.api.post("/api/v1/datasets", org.key(), Map.of("name", "one_name"));
		List<Response> answers = AtOnce.call(Collections.nCopies(8, create));

		assertThat(answers).extracting(Response::status).containsOnly(201, 409).containsOnlyOnce(201);
		assertThat(answers).filteredOn((answer) -> answer.status() == 409)
			.allSatisfy((answer) -> assertThat(answer.json().get("type").stringValue())
				.isEqualTo("urn:lethe:problem:name-taken"));
		assertThat(this.jdbc
			.sql("select count(*) from catalog.datasets where org_id = :org and name = 'one_name' "
					+ "and status = 'active'")
			.param("org", org.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Whichever commits first, the dataset's state, its events and its ledger row agree:
	 * a restore before the delete changes nothing and the delete stands; a restore after
	 * it brings the dataset back and cancels its deletion.
	 */
	@Test
	void aDeleteAndARestoreAtOnceLeaveTheDatasetItsEventsAndItsLedgerInStep() throws Exception {
		TestOrg org = newOrg();
		for (int round = 0; round < 10; round++) {
			String id = dataset(org, "raced_" + round);

			List<Response> answers = AtOnce.call(List.of(() -> this.api.delete("/api/v1/datasets/" + id, org.key()),
					() -> this.api.post("/api/v1/datasets/" + id + "/restore", org.key(), Map.of())));

			assertThat(answers.get(0).status()).isEqualTo(200);
			assertThat(answers.get(0).json().get("status").stringValue()).isEqualTo("pending_deletion");
			assertThat(answers.get(1).status()).isEqualTo(200);
			assertThat(answers.get(1).json().get("status").stringValue()).isEqualTo("active");
			String status = this.api.get("/api/v1/datasets/" + id, org.key()).json().get("status").stringValue();
			long open = this.jdbc
				.sql("select count(*) from catalog.deletion_ledger where root_id = cast(:id as uuid) "
						+ "and cancelled_at is null and completed_at is null")
				.param("id", id)
				.query(Long.class)
				.single();
			if (status.equals("active")) {
				assertThat(events(id)).as("round %d", round)
					.containsExactly("DatasetDeletionRequested", "DatasetRestored");
				assertThat(open).as("round %d", round).isZero();
			}
			else {
				assertThat(status).isEqualTo("pending_deletion");
				assertThat(events(id)).as("round %d", round).containsExactly("DatasetDeletionRequested");
				assertThat(open).as("round %d", round).isEqualTo(1);
			}
		}
	}

	/**
	 * A deleted dataset deleted again by several clients while another restores it: each
	 * delete is a no-op before the restore or deletes it once more after it, and none
	 * answers with the dataset active. A random concurrent-use run found a delete that
	 * did: its guarded update skipped the row the restore was committing, and the read
	 * after it saw the restore.
	 */
	@Test
	void deletesOfADeletedDatasetBesideItsRestoreNeverAnswerWithItActive() throws Exception {
		TestOrg org = newOrg();
		for (int round = 0; round < 40; round++) {
			String id = dataset(org, "deleted_raced_" + round);
			this.api.delete("/api/v1/datasets/" + id, org.key());
			Callable<Response> delete = () -> this.api.delete("/api/v1/datasets/" + id, org.key());
			List<Callable<Response>> requests = new ArrayList<>(Collections.nCopies(4, delete));
			requests.add(() -> this.api.post("/api/v1/datasets/" + id + "/restore", org.key(), Map.of()));

			List<Response> answers = AtOnce.call(requests);

			for (Response deleted : answers.subList(0, 4)) {
				assertThat(deleted.status()).isEqualTo(200);
				assertThat(deleted.json().get("status").stringValue()).as("round %d", round)
					.isEqualTo("pending_deletion");
			}
			assertThat(answers.get(4).json().get("status").stringValue()).isEqualTo("active");
			String status = this.api.get("/api/v1/datasets/" + id, org.key()).json().get("status").stringValue();
			List<String> events = events(id);
			assertThat(events.subList(0, 2)).as("round %d", round)
				.containsExactly("DatasetDeletionRequested", "DatasetRestored");
			// the restore came last, or one of the deletes after it deleted it again
			assertThat(events).as("round %d", round).hasSize(status.equals("active") ? 2 : 3);
		}
	}

	/** The dataset's events in the outbox, in the order they were written. */
	private List<String> events(String id) {
		return this.jdbc.sql("select event_type from catalog.outbox where aggregate_id = cast(:id as uuid) order by id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void aDeletedDatasetCannotBeChanged() {
		TestOrg org = newOrg();
		String id = this.api.post("/api/v1/datasets", org.key(), Map.of("name", "frozen"))
			.json()
			.get("id")
			.stringValue();
		this.api.delete("/api/v1/datasets/" + id, org.key());

		Response patched = this.api.patch("/api/v1/datasets/" + id, org.key(), Map.of("description", "late"));

		assertThat(patched.status()).isEqualTo(409);
		assertThat(patched.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:dataset-not-active");
		assertThat(patched.json().get("dataset_status").stringValue()).isEqualTo("pending_deletion");
	}

	@Test
	void anotherOrgsDatasetDoesNotExistForTheCaller() {
		TestOrg owner = newOrg();
		TestOrg stranger = newOrg();
		String id = this.api.post("/api/v1/datasets", owner.key(), Map.of("name", "private_one"))
			.json()
			.get("id")
			.stringValue();
		String path = "/api/v1/datasets/" + id;

		List<Response> answers = List.of(this.api.get(path, stranger.key()),
				this.api.patch(path, stranger.key(), Map.of("description", "mine now")),
				this.api.delete(path, stranger.key()));

		assertThat(answers).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("private_one");
		});
		assertThat(this.api.get(path, owner.key()).json().get("status").stringValue()).isEqualTo("active");
		assertThat(this.api.get(path, owner.key()).json().get("description").isNull()).isTrue();
	}

	@Test
	void anUnknownDatasetIsNotFound() {
		TestOrg org = newOrg();
		String path = "/api/v1/datasets/" + java.util.UUID.randomUUID();

		for (Response response : List.of(this.api.get(path, org.key()), this.api.delete(path, org.key()),
				this.api.patch(path, org.key(), Map.of("name", "x")))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:not-found");
			assertThat(response.json().get("status").intValue()).isEqualTo(404);
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		return List.copyOf(node.propertyNames());
	}

	private static List<String> names(JsonNode page) {
		return StreamSupport.stream(page.get("data").values().spliterator(), false)
			.map((d) -> d.get("name").stringValue())
			.toList();
	}

	/** A problem without its {@code instance}, the path the caller asked for. */
	private static JsonNode withoutInstance(Response answer) {
		tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) answer.json();
		body.remove("instance");
		return body;
	}

}
