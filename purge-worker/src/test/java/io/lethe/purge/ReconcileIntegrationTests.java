package io.lethe.purge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.lethe.events.codec.Topics;
import io.lethe.stores.object.ObjectKeys;
import io.lethe.testkit.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orphan reconciler on the real S3 server and pgvector, asked for through a
 * {@code ReconcileRequested} event as the command service sends it. Each test limits its
 * runs to an org of its own, so the counts are exactly its own.
 */
class ReconcileIntegrationTests extends PurgeWorkerIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> KINDS = List.of("uncommitted_object", "unowned_object", "extra_version",
			"delete_marker", "unrecorded_upload", "abandoned_upload", "stale_intent", "orphan_vector");

	@Autowired
	private MeterRegistry meters;

	@Test
	void aDryRunListsOrphansAndDeletesNothingThenARealRunRemovesThemAndNoLiveByte() {
		UUID org = this.catalog.org();
		Leftovers leftovers = new Leftovers(this.jdbc, this.objects, this.vectors, this.catalog, org);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		UUID dataset = this.catalog.dataset(org, "active", null);
		UUID deleted = this.catalog.deletedDataset(org, Duration.ofDays(1));
		UUID purged = this.catalog.dataset(org, "purged", null);
		// live: a random mix of assets (some the dataset's own), items with previews and
		// vectors, a dataset
		// awaiting its purge (the purge's to empty, never the reconciler's)
		Map<String, String> live = new HashMap<>();
		for (int i = random.nextInt(3, 9); i > 0; i--) {
			Map.Entry<String, String> asset = leftovers.liveAsset(random.nextBoolean() ? dataset : null);
			live.put(asset.getKey(), asset.getValue());
		}
		live.putAll(leftovers.liveItems(dataset, random.nextInt(3, 9)));
		live.putAll(leftovers.liveItems(deleted, 2));
		byte[] current = Leftovers.random();
		Map.Entry<String, String> twice = leftovers.liveAsset(null);
		leftovers.writtenAgain(twice.getKey(), current);
		live.put(twice.getKey(), Leftovers.sha256(current));
		UUID inProgress = leftovers.recordedUpload(Duration.ofHours(2));
		// leftovers
		String datasetPrefix = ObjectKeys.datasetPrefix(org, dataset);
		List<String> uncommitted = List.of(leftovers.uncommitted(ObjectKeys.assetOriginal(org, UUID.randomUUID())),
				leftovers.uncommitted(datasetPrefix + "items/" + UUID.randomUUID() + "/preview.jpg"));
		List<String> unowned = List.of(leftovers.unowned(ObjectKeys.assetOriginal(org, UUID.randomUUID())),
				leftovers
					.unowned(ObjectKeys.datasetPrefix(org, purged) + "items/" + UUID.randomUUID() + "/preview.jpg"),
				leftovers.unownedUnderAMarker(ObjectKeys.assetOriginal(org, UUID.randomUUID())));
		String strayLayout = leftovers.unowned(ObjectKeys.orgPrefix(org) + "exports/report.csv");
		String staleIntent = leftovers.staleIntent(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		String unrecordedUpload = leftovers.unrecordedUpload();
		UUID abandoned = leftovers.recordedUpload(Duration.ofDays(8));
		long liveVectors = this.vectors.countDataset(dataset);
		leftovers.orphanVectors(dataset, 2000);

		JsonNode dry = reconcile(org, true);

		assertThat(found(dry)).containsExactlyEntriesOf(expected(2, 3, 1, 1, 1, 1, 1, 2000));
		assertThat(removed(dry)).allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
		assertThat(samples(dry, "uncommitted_object")).containsExactlyInAnyOrderElementsOf(uncommitted);
		assertThat(samples(dry, "unowned_object")).containsExactlyInAnyOrderElementsOf(unowned);
		assertThat(samples(dry, "extra_version")).containsExactly(twice.getKey());
		assertThat(samples(dry, "unrecorded_upload")).containsExactly(unrecordedUpload);
		assertThat(samples(dry, "stale_intent")).containsExactly(staleIntent);
		assertThat(dry.at("/orphans/abandoned_upload/found_bytes").asLong()).isEqualTo(4);
		assertThat(dry.at("/kept/unrecognised/samples").values()).extracting(JsonNode::stringValue)
			.containsExactly(strayLayout);
		assertThat(dry.at("/kept/upload_in_progress/count").asLong()).isEqualTo(1);
		for (String key : uncommitted) {
			assertThat(leftovers.versions(key)).as(key).isEqualTo(1);
		}
		assertThat(leftovers.versions(twice.getKey())).isEqualTo(2);
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(liveVectors + 2000);
		assertThat(this.catalog.uploadsUnder(ObjectKeys.orgPrefix(org))).isEqualTo(3);

		JsonNode real = reconcile(org, false);

		assertThat(removed(real)).containsExactlyEntriesOf(found(dry)).isEqualTo(found(real));
		assertThat(real.at("/totals/removed_bytes").asLong()).isPositive()
			.isEqualTo(real.at("/totals/found_bytes").asLong());
		// every orphan gone, in every store
		for (String key : List.of(uncommitted.get(0), uncommitted.get(1), unowned.get(0), unowned.get(1),
				unowned.get(2))) {
			assertThat(leftovers.versions(key)).as(key).isZero();
		}
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where org_id = ?", org)).isZero();
		assertThat(this.catalog.uploadsUnder(ObjectKeys.orgPrefix(org))).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from catalog.assets where id = ?", abandoned)).isZero();
		assertThat(this.catalog.count("select count(*) from catalog.asset_uploads where asset_id = ?", inProgress))
			.isEqualTo(1);
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(liveVectors);
		// and every live byte still there, readable, with its checksum; the twice-written
		// key at one version
		assertThat(live).allSatisfy((key, sha) -> assertThat(leftovers.checksum(key)).as(key).isEqualTo(sha));
		assertThat(leftovers.versions(twice.getKey())).isEqualTo(1);
		assertThat(leftovers.versions(strayLayout)).isEqualTo(1);
		// the index gave its space back
		JsonNode space = vectorSpace(real, Leftovers.COLLECTION);
		assertThat(space.get("vacuum").booleanValue()).isTrue();
		assertThat(space.get("reindex").booleanValue()).isTrue();
		assertThat(space.get("applied").booleanValue()).isTrue();
		assertThat(space.get("index_bytes_after").asLong()).isLessThan(space.get("index_bytes_before").asLong());
		// audited, measured, and a second run finds nothing left
		assertThat(this.catalog.count(
				"select count(*) from catalog.audit where action = 'reconcile.run' "
						+ "and target_id = ? and outcome = 'ok'",
				UUID.fromString(real.at("/run/run_id").stringValue())))
			.isEqualTo(1);
		assertThat(this.meters.get("lethe.reconcile.orphans.removed").tag("kind", "orphan_vector").counter().count())
			.isGreaterThanOrEqualTo(2000);
		assertThat(this.meters.get("lethe.reconcile.last.run.success").gauge().value()).isEqualTo(1);
		assertThat(prometheus()).contains("lethe_reconcile_orphans_found_total{kind=\"uncommitted_object\"}",
				"lethe_reconcile_orphans_removed_total{kind=\"orphan_vector\"}",
				"lethe_reconcile_reclaimed_bytes_total{kind=\"extra_version\"}",
				"lethe_reconcile_last_run_time_seconds", "lethe_reconcile_last_run_success 1.0",
				"lethe_reconcile_runs_total{dry_run=\"false\",outcome=\"completed\"}");
		assertThat(reconcile(org, false).at("/totals/found").asLong()).isZero();
	}

	@Test
	void objectsYoungerThanTheSafetyAgeAreNeverRemoved() {
		UUID org = this.catalog.org();
		Leftovers leftovers = new Leftovers(this.jdbc, this.objects, this.vectors, this.catalog, org);
		UUID dataset = this.catalog.dataset(org, "active", null);
		String uncommitted = leftovers.uncommitted(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		String unowned = leftovers.unownedUnderAMarker(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		leftovers.staleIntent(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		leftovers.unrecordedUpload();
		leftovers.orphanVectors(dataset, 5);

		// the worker's default safety age (an hour): everything here is minutes old at
		// most
		JsonNode report = reconcile(org, false, null);

		assertThat(report.at("/run/safety_age").stringValue()).isEqualTo("PT1H");
		assertThat(report.at("/totals/found").asLong()).isZero();
		assertThat(report.at("/kept/young/count").asLong()).isEqualTo(1 + 2 + 1);
		assertThat(leftovers.versions(uncommitted)).isEqualTo(1);
		assertThat(leftovers.versions(unowned)).isEqualTo(2);
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where org_id = ?", org))
			.isEqualTo(2);
		assertThat(this.catalog.uploadsUnder(ObjectKeys.orgPrefix(org))).isEqualTo(1);
		assertThat(this.vectors.countDataset(dataset)).isEqualTo(5);
	}

	@Test
	void aRunRemovesWhatIsOlderThanItsSafetyAgeAndKeepsWhatIsYounger() {
		UUID org = this.catalog.org();
		Leftovers leftovers = new Leftovers(this.jdbc, this.objects, this.vectors, this.catalog, org);
		String old = leftovers.uncommitted(ObjectKeys.assetOriginal(org, UUID.randomUUID()));
		Instant written = leftovers.lastModified(old);
		await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(written.plusSeconds(5)));
		String young = leftovers.uncommitted(ObjectKeys.assetOriginal(org, UUID.randomUUID()));

		JsonNode report = reconcile(org, false, "PT4S");

		assertThat(samples(report, "uncommitted_object")).containsExactly(old);
		assertThat(report.at("/kept/young/samples").values()).extracting(JsonNode::stringValue).containsExactly(young);
		assertThat(leftovers.versions(old)).isZero();
		assertThat(leftovers.versions(young)).isEqualTo(1);
		assertThat(this.catalog.count("select count(*) from catalog.object_intents where object_key = ?", young))
			.isEqualTo(1);
	}

	@Test
	void aRequestWithAMalformedSafetyAgeIsDeadLetteredAndNothingRuns() {
		UUID run = UUID.randomUUID();

		TestEvents.publish(run, TestEvents.reconcileRequested(run, this.catalog.org(), false, "soon"));

		ConsumerRecord<String, byte[]> dead = KafkaProbe
			.awaitRawRecords(Topics.DELETIONS_DLT, (record) -> run.toString().equals(record.key()), 1)
			.get(0);
		assertThat(new String(dead.headers().lastHeader("lethe-dlt-reason").value(), StandardCharsets.UTF_8))
			.isEqualTo("InvalidEventException: ReconcileRequested has a safety_age that is not an ISO-8601 "
					+ "duration: 'soon'");
		assertThat(this.catalog.count("select count(*) from purge.reconcile_runs where id = ?", run)).isZero();
	}

	private String prometheus() {
		return new Api("http://127.0.0.1:" + this.managementPort).get("/actuator/prometheus", null).body();
	}

	private JsonNode reconcile(UUID org, boolean dryRun) {
		return reconcile(org, dryRun, "PT0S");
	}

	/**
	 * Asks for a run limited to {@code org} as the command service does, and waits for
	 * its report.
	 */
	private JsonNode reconcile(UUID org, boolean dryRun, String safetyAge) {
		UUID run = UUID.randomUUID();
		TestEvents.publish(run, TestEvents.reconcileRequested(run, org, dryRun, safetyAge));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.catalog.count(
					"select count(*) from purge.reconcile_runs where id = ? and state in ('completed', 'failed')",
					run) == 1);
		Map<String, Object> row = this.jdbc
			.sql("select state, error, report::text as report from purge.reconcile_runs where id = ?")
			.param(run)
			.query()
			.singleRow();
		assertThat(row.get("state")).as(String.valueOf(row.get("error"))).isEqualTo("completed");
		return JSON.readTree((String) row.get("report"));
	}

	private static Map<String, Long> found(JsonNode report) {
		return counts(report, "found");
	}

	private static Map<String, Long> removed(JsonNode report) {
		return counts(report, "removed");
	}

	private static Map<String, Long> counts(JsonNode report, String field) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		KINDS.forEach((kind) -> counts.put(kind, report.at("/orphans/" + kind + "/" + field).asLong()));
		return counts;
	}

	private static Map<String, Long> expected(long... counts) {
		Map<String, Long> expected = new java.util.LinkedHashMap<>();
		for (int i = 0; i < KINDS.size(); i++) {
			expected.put(KINDS.get(i), counts[i]);
		}
		return expected;
	}

	private static List<String> samples(JsonNode report, String kind) {
		return report.at("/orphans/" + kind + "/samples").values().stream().map(JsonNode::stringValue).toList();
	}

	private static JsonNode vectorSpace(JsonNode report, String collection) {
		return report.get("vector_space")
			.values()
			.stream()
			.filter((entry) -> collection.equals(entry.get("collection").stringValue()))
			.findFirst()
			.orElseThrow();
	}

}
