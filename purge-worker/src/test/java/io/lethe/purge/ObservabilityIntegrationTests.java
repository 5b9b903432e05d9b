package io.lethe.purge;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lethe.purge.job.JobState;
import io.lethe.stores.object.ObjectKeys;
import io.lethe.testkit.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator watching the worker sees: Prometheus meters that move while a purge
 * runs and fails, an audit record of every purge that ends, and health per dependency.
 */
class ObservabilityIntegrationTests extends PurgeWorkerIntegrationTest {

	@Test
	void prometheusShowsWhatAPurgeDeletesWhileItRunsAndWhenItFailsAndRecovers() {
		UUID org = this.catalog.org();
		UUID dataset = this.catalog.deletedDataset(org, Duration.ofMinutes(-1));
		this.catalog.items(org, dataset, 30);
		String prefix = ObjectKeys.datasetPrefix(org, dataset);
		Map<String, Double> before = scrape();
		// the object store refuses this dataset's deletes for good: the purge gets as far
		// as
		// the objects step, then fails
		this.faults.failDeletes(prefix, -1, false);

		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.FAILED));
		Map<String, Double> failed = scrape();
		assertThat(delta(before, failed, "lethe_purge_deleted_total{store=\"vectors\"}")).isGreaterThanOrEqualTo(30);
		assertThat(jobOf(dataset).objectsDeleted()).isZero();
		// the jobs-by-state gauges read the jobs table at most every two seconds
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(scrape().get("lethe_purge_jobs{state=\"failed\"}")).isGreaterThanOrEqualTo(1));
		assertThat(delta(before, failed, "lethe_purge_jobs_ended_total{outcome=\"failed\"}")).isGreaterThanOrEqualTo(1);
		assertThat(delta(before, failed, "lethe_purge_retries_total")).isGreaterThanOrEqualTo(2);
		// purge-now makes the job due at once: the runner starts when the event is taken
		// in,
		// not at its next tick
		assertThat(delta(before, failed, "lethe_purge_event_starts_total")).isGreaterThanOrEqualTo(1);
		assertThat(audit(dataset, "purge.failed")).contains("\"error\"", "Injected permanent failure");

		this.faults.clear();
		TestEvents.publish(dataset, TestEvents.purgeRequested(org, dataset));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobOf(dataset).state()).isEqualTo(JobState.COMPLETED));
		Map<String, Double> completed = scrape();
		assertThat(delta(failed, completed, "lethe_purge_deleted_total{store=\"objects\"}")).isGreaterThanOrEqualTo(30);
		assertThat(delta(failed, completed, "lethe_purge_deleted_total{store=\"rows\"}")).isGreaterThanOrEqualTo(30);
		assertThat(delta(failed, completed, "lethe_purge_jobs_ended_total{outcome=\"completed\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(delta(failed, completed, "lethe_receipts_issued_total")).isGreaterThanOrEqualTo(1);
		// the round trips of each step: the objects step listed the dataset's prefixes
		// and
		// sent its deletes, the verify step listed again
		assertThat(delta(failed, completed,
				"lethe_purge_store_requests_total{operation=\"DeleteObjects\",step=\"objects\",store=\"objects\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(delta(failed, completed,
				"lethe_purge_store_requests_total{operation=\"ListObjectVersions\",step=\"objects\",store=\"objects\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(delta(failed, completed,
				"lethe_purge_store_requests_total{operation=\"ListObjectVersions\",step=\"verify\",store=\"objects\"}"))
			.isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(scrape().get("lethe_purge_jobs{state=\"completed\"}")).isGreaterThanOrEqualTo(1));
		assertThat(completed.get("lethe_purge_duration_seconds_count{root_type=\"dataset\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(audit(dataset, "purge.completed")).contains("\"objects_deleted\": 30", "\"vectors_deleted\": 40");
	}

	@Test
	void healthReportsEachDependency() {
		Api.Response health = new Api("http://127.0.0.1:" + this.managementPort).get("/actuator/health", null);

		assertThat(health.status()).isEqualTo(200);
		for (String component : new String[] { "db", "kafka", "objectStore", "vectorIndex" }) {
			assertThat(health.json().get("components").get(component).get("status").stringValue()).as(component)
				.isEqualTo("UP");
		}
	}

	private String audit(UUID dataset, String action) {
		return this.jdbc
			.sql("select detail::text from catalog.audit where target_id = ? and action = ? "
					+ "and actor like 'purge-worker:%' and outcome = ?")
			.params(dataset, action, action.endsWith("completed") ? "ok" : "failed")
			.query(String.class)
			.single();
	}

	private Map<String, Double> scrape() {
		Api.Response response = new Api("http://127.0.0.1:" + this.managementPort).get("/actuator/prometheus", null);
		assertThat(response.status()).isEqualTo(200);
		Map<String, Double> samples = new java.util.HashMap<>();
		Matcher line = Pattern.compile("(?m)^(lethe_[a-z_]+(?:\\{[^}]*\\})?) (\\S+)$").matcher(response.body());
		while (line.find()) {
			samples.put(line.group(1), Double.parseDouble(line.group(2)));
		}
		return samples;
	}

	private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
		assertThat(after).as("scraped samples").containsKey(sample);
		return after.get(sample) - before.getOrDefault(sample, 0.0);
	}

}
