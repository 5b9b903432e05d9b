package io.lethe.command.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each org's quotas: a write past a count is a 429, past the bytes a 413, both naming the
 * quota, its limit and what is used; nothing of a refused write stays; deleting frees at
 * once; and requests racing for the last slot cannot together pass the limit.
 */
class QuotaIntegrationTests extends CommandServiceIntegrationTest {

	private static final byte[] PNG = TestImages.png(8, 8);

	@Test
	void anAssetPastTheOrgsCountIsRefusedNamingTheQuota() {
		TestOrg org = newOrg();
		limit(org, "assets", 2);
		asset(org);
		asset(org);

		Response refused = upload(org);

		assertQuotaExceeded(refused, 429, "assets", 2, 2);
		assertThat(refused.header("Retry-After")).isNull();
		assertThat(liveAssets(org)).isEqualTo(2);
		assertThat(storedVersions(org)).isEqualTo(2);
	}

	@Test
	void deletingAnAssetFreesItsPlaceAndItsBytesAtOnce() {
		TestOrg org = newOrg();
		limit(org, "assets", 1);
		limit(org, "bytes", PNG.length);
		String first = asset(org);
		assertThat(upload(org).status()).isEqualTo(429);

		assertThat(this.api.delete("/api/v1/assets/" + first, org.key()).status()).isEqualTo(200);

		assertThat(upload(org).status()).isEqualTo(201);
	}

	@Test
	void anUploadPastTheOrgsBytesIsRefusedWith413NamingTheByteLimit() {
		TestOrg org = newOrg();
		limit(org, "bytes", PNG.length + 10);
		asset(org);

		Response refused = upload(org);

		assertQuotaExceeded(refused, 413, "bytes", PNG.length + 10, PNG.length);
		assertThat(refused.json().get("requested").longValue()).isEqualTo(PNG.length);
		assertThat(liveAssets(org)).isEqualTo(1);
		assertThat(storedVersions(org)).isEqualTo(1);
	}

	@Test
	void multipartUploadsInProgressAreCountedUntilCompletedOrAborted() {
		TestOrg org = newOrg();
		limit(org, "uploads_in_progress", 1);
		String first = startUpload(org).json().get("id").stringValue();

		Response refused = startUpload(org);

		assertQuotaExceeded(refused, 429, "uploads-in-progress", 1, 1);
		assertThat(this.api.delete("/api/v1/assets/uploads/" + first, org.key()).status()).isEqualTo(204);
		assertThat(startUpload(org).status()).isEqualTo(201);
	}

	@Test
	void aCompletionPastTheOrgsBytesIsRefusedAndTheUploadStaysOpen() {
		TestOrg org = newOrg();
		String id = startUpload(org).json().get("id").stringValue();
		assertThat(part(org, id, 1000).status()).isEqualTo(200);
		limit(org, "bytes", 999);

		Response refused = this.api.post("/api/v1/assets/uploads/" + id + "/complete", org.key(), null);

		assertQuotaExceeded(refused, 413, "bytes", 999, 0);
		assertThat(this.api.get("/api/v1/assets/" + id, org.key()).json().get("status").stringValue())
			.isEqualTo("uploading");
		limit(org, "bytes", 1000);
		assertThat(this.api.post("/api/v1/assets/uploads/" + id + "/complete", org.key(), null).status())
			.isEqualTo(200);
	}

	@Test
	void aPartLargerThanTheRoomLeftIsRefusedBeforeItIsStored() {
		TestOrg org = newOrg();
		String id = startUpload(org).json().get("id").stringValue();
		limit(org, "bytes", 100);

		Response refused = part(org, id, 101);

		assertQuotaExceeded(refused, 413, "bytes", 100, 0);
	}

	@Test
	void openShareLinksAreCountedUntilRevokedAndARefusedLinkIsAudited() {
		TestOrg org = newOrg();
		limit(org, "share_links", 1);
		String dataset = dataset(org, "shared");
		String first = share(org, dataset).json().get("id").stringValue();

		Response refused = share(org, dataset);

		assertQuotaExceeded(refused, 429, "share-links", 1, 1);
		assertThat(this.jdbc
			.sql("select count(*) from catalog.audit where action = 'share.create' and outcome = 'refused' "
					+ "and target_id = cast(:dataset as uuid)")
			.param("dataset", dataset)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "/shares/" + first, org.key()).status())
			.isEqualTo(204);
		assertThat(share(org, dataset).status()).isEqualTo(201);
	}

	@Test
	void requestsRacingForTheLastPlaceLetExactlyOneThrough() throws Exception {
		TestOrg org = newOrg();
		limit(org, "assets", 3);
		asset(org);
		asset(org);
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			for (int i = 0; i < racers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return upload(org);
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				statuses.add(answer.get().status());
			}

			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 429).hasSize(racers - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(liveAssets(org)).isEqualTo(3);
		assertThat(storedVersions(org)).isEqualTo(3);
	}

	private void limit(TestOrg org, String quota, long value) {
		this.jdbc
			.sql("insert into catalog.org_quotas (org_id, " + quota + ") values (:org, :value) "
					+ "on conflict (org_id) do update set " + quota + " = excluded." + quota)
			.param("org", org.id())
			.param("value", value)
			.update();
	}

	private Response upload(TestOrg org) {
		return this.api.upload("/api/v1/assets", org.key(), "a.png", "image/png", PNG, Map.of());
	}

	private Response startUpload(TestOrg org) {
		return this.api.post("/api/v1/assets/uploads", org.key(), Map.of("filename", "big.bin"));
	}

	private Response part(TestOrg org, String upload, int size) {
		return this.api.sendBytes("PUT", "/api/v1/assets/uploads/" + upload + "/parts/1",
				Map.of("Authorization", "Bearer " + org.key(), "Content-Type", "application/octet-stream"),
				new byte[size]);
	}

	private Response share(TestOrg org, String dataset) {
		return this.api.post("/api/v1/datasets/" + dataset + "/shares", org.key(), Map.of());
	}

	private long liveAssets(TestOrg org) {
		return this.jdbc.sql("select count(*) from catalog.assets where org_id = :org and status <> 'deleted'")
			.param("org", org.id())
			.query(Long.class)
			.single();
	}

	/** Every version under the org's asset prefix: a refused upload leaves none. */
	private int storedVersions(TestOrg org) {
		return s3().listObjectVersions((r) -> r.bucket(bucket()).prefix("orgs/" + org.id() + "/assets/"))
			.versions()
			.size();
	}

	private static void assertQuotaExceeded(Response answer, int status, String quota, long limit, long used) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:quota-exceeded");
		assertThat(answer.json().get("quota").stringValue()).isEqualTo(quota);
		assertThat(answer.json().get("limit").longValue()).isEqualTo(limit);
		assertThat(answer.json().get("used").longValue()).isEqualTo(used);
	}

}
