package io.lethe.command.purgestatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.PurgeEvents;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeJobUpdated;
import io.lethe.testkit.Api;
import io.lethe.testkit.ReceiptJwks;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command service's copy of the worker's jobs, fed by snapshots on
 * {@code lethe.purge-events}: whatever order and however often they arrive, the deletion
 * status shows the latest. Records of one root share a partition and are applied in
 * order, so a snapshot of another asset sent after them under the same key marks the
 * moment they have all been handled.
 */
class PurgeStatusIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aSnapshotArrivingOutOfOrderNeverRegressesTheStatus() {
		TestOrg org = newOrg();
		UUID asset = deletedAsset(org);
		UUID job = UUID.randomUUID();
		PurgeEvents.publish(running(org, job, asset, 5, 10));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(objectsDeleted(org, asset)).isEqualTo(10));

		// an older snapshot, late: scheduled, nothing deleted
		PurgeEvents.publish(PurgeEvents.job(org.id(), job, "asset", asset, "scheduled", 3));
		handled(org, asset);

		JsonNode status = status(org, asset);
		assertThat(status.get("state").stringValue()).isEqualTo("purging");
		assertThat(status.get("job").get("state").stringValue()).isEqualTo("running");
		assertThat(objectsDeleted(org, asset)).isEqualTo(10);
	}

	@Test
	void aRedeliveredSnapshotChangesNothing() {
		TestOrg org = newOrg();
		UUID asset = deletedAsset(org);
		UUID job = UUID.randomUUID();
		PurgeEvents.publish(running(org, job, asset, 1, 2));
		PurgeJobUpdated completed = PurgeEvents.completed(org.id(), job, "asset", asset, 2)
			.setObjectsDeleted(4)
			.build();
		PurgeEvents.publish(asset.toString(), completed);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(status(org, asset).get("state").stringValue()).isEqualTo("purged"));
		JsonNode before = status(org, asset);

		// the same records again, as after a rebalance: the first, then the last, twice
		PurgeEvents.publish(running(org, job, asset, 1, 2));
		PurgeEvents.publish(asset.toString(), completed);
		PurgeEvents.publish(asset.toString(), completed);
		handled(org, asset);

		assertThat(status(org, asset)).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from catalog.purge_receipts where job_id = :job")
			.param("job", job)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUndecodableOrForeignRecordIsSkippedAndTheNextOneIsApplied() {
		TestOrg org = newOrg();
		UUID asset = deletedAsset(org);
		PurgeEvents.publishRaw(asset.toString(), "not an event".getBytes(StandardCharsets.UTF_8));
		PurgeEvents.publishRaw(asset.toString(), new byte[] { (byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
		PurgeEvents.publish(asset.toString(),
				DatasetRestored.newBuilder()
					.setEventId(UUID.randomUUID().toString())
					.setOrgId(org.id().toString())
					.setOccurredAt(Instant.now())
					.setDatasetId(UUID.randomUUID().toString())
					.setRestoredBy("key-1")
					.build());
		PurgeEvents.publish(running(org, UUID.randomUUID(), asset, 1, 7));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(objectsDeleted(org, asset)).isEqualTo(7));
	}

	@Test
	void aPurgedDatasetReadsPurgedOnlyOnceItsReceiptHasArrived() {
		TestOrg org = newOrg();
		UUID dataset = UUID.fromString(dataset(org, "soon_purged"));
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key()).status()).isEqualTo(200);
		// the worker tombstones the dataset in the catalog before its snapshot is sent
		this.jdbc.sql("update catalog.datasets set status = 'purged' where id = :id").param("id", dataset).update();

		JsonNode before = this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json();
		assertThat(before.get("state").stringValue()).isEqualTo("purging");
		assertThat(before.get("receipt").isNull()).isTrue();

		PurgeEvents.publish(PurgeEvents.completed(org.id(), UUID.randomUUID(), "dataset", dataset, 9));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode after = this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json();
			assertThat(after.get("state").stringValue()).isEqualTo("purged");
			assertThat(after.get("receipt").get("signature").stringValue()).isEqualTo("ab12");
		});
	}

	@Test
	void receiptsVerifyWithThePublishedKeysBeforeAndAfterAKeyRotation() throws Exception {
		TestOrg org = newOrg();
		EllipticCurveJsonWebKey old = EcJwkGenerator.generateJwk(EllipticCurves.P256);
		old.setKeyId("rotated-out-" + UUID.randomUUID());
		EllipticCurveJsonWebKey current = EcJwkGenerator.generateJwk(EllipticCurves.P256);
		current.setKeyId("current-" + UUID.randomUUID());
		// the old key is sent whole, private part included, as a faulty worker might
		UUID before = purgedWithReceipt(org, old, old.toJson(OutputControlLevel.INCLUDE_PRIVATE));
		UUID after = purgedWithReceipt(org, current, current.toJson(OutputControlLevel.PUBLIC_ONLY));

		String beforeJws = await().atMost(Duration.ofSeconds(30))
			.until(() -> receiptJws(org, before), (j) -> j != null);
		String afterJws = await().atMost(Duration.ofSeconds(30)).until(() -> receiptJws(org, after), (j) -> j != null);
		Api.Response jwks = this.api.get("/.well-known/jwks.json", null);

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.contentType()).startsWith("application/jwk-set+json");
		assertThat(jwks.header("Cache-Control")).contains("max-age=300", "public");
		assertThat(jwks.body()).contains(old.getKeyId(), current.getKeyId()).doesNotContain("\"d\"");
		assertThat(ReceiptJwks.verifies(beforeJws, jwks.body())).isTrue();
		assertThat(ReceiptJwks.verifies(afterJws, jwks.body())).isTrue();
		assertThat(ReceiptJwks.verifies(ReceiptJwks.tampered(afterJws, "\"rows\":3", "\"rows\":2"), jwks.body()))
			.isFalse();
	}

	/**
	 * A deleted dataset whose purge completed with a receipt signed as the worker does.
	 */
	private UUID purgedWithReceipt(TestOrg org, EllipticCurveJsonWebKey key, String publishedKey) throws Exception {
		UUID dataset = UUID.fromString(dataset(org, "signed_" + (key.getKeyId().hashCode() & 0xffff)));
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", org.key()).status()).isEqualTo(200);
		UUID job = UUID.randomUUID();
		String body = "{\"job_id\":\"" + job + "\",\"counts\":{\"vectors\":1,\"objects\":2,\"rows\":3}}";
		JsonWebSignature jws = new JsonWebSignature();
		jws.setPayload(body);
		jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
		jws.setKeyIdHeaderValue(key.getKeyId());
		jws.setKey(key.getPrivateKey());
		String compact = jws.getCompactSerialization();
		PurgeEvents.publish(PurgeEvents.completed(org.id(), job, "dataset", dataset, 5)
			.setReceipt(body)
			.setReceiptSignature(compact.substring(compact.lastIndexOf('.') + 1))
			.setReceiptAlgorithm("ES256")
			.setReceiptKeyId(key.getKeyId())
			.setReceiptJws(compact)
			.setReceiptPublicKey(publishedKey));
		return dataset;
	}

	private String receiptJws(TestOrg org, UUID dataset) {
		JsonNode receipt = this.api.get("/api/v1/datasets/" + dataset + "/deletion", org.key()).json().get("receipt");
		return (receipt != null && !receipt.isNull()) ? receipt.get("jws").stringValue() : null;
	}

	private static PurgeJobUpdated.Builder running(TestOrg org, UUID job, UUID asset, long version, long objects) {
		return PurgeEvents.job(org.id(), job, "asset", asset, "running", version)
			.setStep("objects")
			.setAttempts(1)
			.setStartedAt(Instant.now())
			.setObjectsDeleted(objects);
	}

	/** Waits until every record sent so far under the asset's key has been applied. */
	private void handled(TestOrg org, UUID asset) {
		UUID marker = deletedAsset(org);
		PurgeEvents.publish(asset.toString(), running(org, UUID.randomUUID(), marker, 1, 1).build());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(objectsDeleted(org, marker)).isEqualTo(1));
	}

	private UUID deletedAsset(TestOrg org) {
		String asset = asset(org);
		assertThat(this.api.delete("/api/v1/assets/" + asset, org.key()).status()).isEqualTo(200);
		return UUID.fromString(asset);
	}

	private JsonNode status(TestOrg org, UUID asset) {
		return this.api.get("/api/v1/assets/" + asset + "/deletion", org.key()).json();
	}

	private long objectsDeleted(TestOrg org, UUID asset) {
		return status(org, asset).get("progress").get("objects").get("deleted").longValue();
	}

}
