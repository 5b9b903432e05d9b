package io.lethe.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.UsageModel.Asset;
import io.lethe.system.UsageModel.Item;
import io.lethe.testkit.Api;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Rule 4 of the concurrency suite, every due delete is purged: a dataset past its grace
 * and not held, a deleted asset, a deleted sample leave no row, vector or object version
 * behind, and each job that ran issued exactly one receipt. First it waits, bounded,
 * until the system is quiet: the outbox drained, no purge job due or running, every
 * reconciler run ended, and every due delete's job ended.
 */
final class PurgeCheck {

	private final LetheSystem system;

	private final Stores stores;

	private final UsageModel model;

	private final Findings findings;

	private final Api api;

	private final Instant since;

	PurgeCheck(LetheSystem system, Stores stores, UsageModel model, Api api, Instant since) {
		this.system = system;
		this.stores = stores;
		this.model = model;
		this.findings = model.findings;
		this.api = api;
		this.since = since;
	}

	/** Datasets the model has past their grace and not held, as of {@code now}. */
	List<Dataset> dueDatasets(Instant now) {
		return this.model.datasets()
			.stream()
			.filter((d) -> !d.uncertain && !d.last().active() && !d.last().held() && d.last().expiresAt() != null
					&& d.last().expiresAt().isBefore(now))
			.toList();
	}

	/**
	 * Waits until the system is quiet, deletes due by {@code due} included; a bound
	 * passed is itself a finding, and the check goes on.
	 */
	void awaitQuiet(Instant due, Duration atMost, List<UUID> reconcileRuns) throws SQLException {
		try {
			await().atMost(atMost)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> unsettled(due, reconcileRuns).isEmpty());
		}
		catch (ConditionTimeoutException ex) {
			List<String> left = unsettled(due, reconcileRuns);
			this.findings.violation("settle", "not quiet after " + atMost + ": " + left.size() + " left, first "
					+ left.subList(0, Math.min(10, left.size())));
		}
	}

	private List<String> unsettled(Instant due, List<UUID> reconcileRuns) throws SQLException {
		List<String> left = new ArrayList<>();
		if (!query("select id from catalog.outbox where published_at is null limit 1").isEmpty()) {
			left.add("outbox not drained");
		}
		JsonNode jobs = this.api
			.get("/api/v1/admin/purges?state=scheduled,running&limit=100", this.system.operatorKey())
			.json();
		for (JsonNode job : jobs.get("data")) {
			if ("running".equals(job.get("state").stringValue())
					|| Instant.parse(job.get("run_at").stringValue()).isBefore(Instant.now())) {
				left.add("job " + job.get("job_id").stringValue() + " " + job.get("state").stringValue());
			}
		}
		for (UUID run : reconcileRuns) {
			Api.Response answer = this.api.get("/api/v1/admin/reconcile/" + run, this.system.operatorKey());
			if (answer.status() != 200 || !List.of("completed", "failed").contains(state(answer.json()))) {
				left.add("reconcile run " + run);
			}
		}
		for (Dataset dataset : dueDatasets(due)) {
			if (!ended("select state from purge.jobs where root_type = 'dataset' and root_id = ?", dataset.id)) {
				left.add(dataset + " has no ended job");
			}
		}
		for (Asset asset : this.model.assets()) {
			if (asset.deletedStart != UsageModel.NEVER && !asset.uncertain && !this.model.heldBack(asset)
					&& rowExists("assets", asset.id) && !endedTarget(asset.id)) {
				left.add(asset + " not purged");
			}
		}
		for (Item item : this.model.items()) {
			if (item.deletedStart != UsageModel.NEVER && !item.uncertain && !this.model.heldBack(item)
					&& rowExists("items", item.id) && !endedTarget(item.id) && !endedTarget(item.asset.id)) {
				left.add(item + " not purged");
			}
		}
		return left;
	}

	/** Zero residue for every due delete, and one receipt for every job that ran. */
	void check(Instant now) throws SQLException {
		for (Dataset dataset : dueDatasets(now)) {
			String prefix = "orgs/" + this.model.org + "/datasets/" + dataset.id + "/";
			String status = string("select status from catalog.datasets where id = ?", dataset.id);
			if (!"purged".equals(status)) {
				this.findings.violation("due-purged",
						dataset + " is due and not held but " + status + ", job "
								+ string("select state || ' ' || coalesce(last_error, '') from purge.jobs "
										+ "where root_type = 'dataset' and root_id = ?", dataset.id));
			}
			Map<String, Long> rows = this.stores.catalogRowsOf(dataset.id);
			if (rows.values().stream().anyMatch((n) -> n > 0)) {
				this.findings.violation("residue", dataset + " purged, rows left " + rows);
			}
			residue(dataset.toString(), prefix);
			receipts(dataset.toString(), dataset.id);
		}
		for (Asset asset : this.model.assets()) {
			if (asset.uncertain || (asset.deletedStart != UsageModel.NEVER && this.model.heldBack(asset))) {
				continue;
			}
			boolean deleted = asset.deletedStart != UsageModel.NEVER;
			boolean row = rowExists("assets", asset.id);
			if (deleted && row) {
				this.findings.violation("due-purged", asset + " deleted by " + asset.deletedBy + " but still "
						+ string("select status from catalog.assets where id = ?", asset.id) + ", " + jobOf(asset.id));
			}
			if (!row) {
				residue(asset.toString(), "orgs/" + this.model.org + "/assets/" + asset.id + "/");
			}
			if (deleted && !row && !asset.deletedBy.startsWith("delete-samples")) {
				receipts(asset.toString(), asset.id);
			}
		}
		for (Item item : this.model.items()) {
			if (item.deletedStart == UsageModel.NEVER || item.uncertain || this.model.heldBack(item)) {
				continue;
			}
			if (rowExists("items", item.id)) {
				this.findings.violation("due-purged",
						item + " deleted by " + item.deletedBy + " has its row, " + jobOf(item.id));
			}
			if (this.stores.count("select count(*) from vectors.e_multimodal where item_id = ?", item.id) > 0) {
				this.findings.violation("residue", item + " deleted by " + item.deletedBy + " has its vector");
			}
			residue(item.toString(),
					"orgs/" + this.model.org + "/datasets/" + item.dataset.id + "/items/" + item.id + "/");
		}
		jobs();
	}

	private void jobs() throws SQLException {
		for (String job : query(
				"select j.root_type || ' ' || j.root_id || ' job ' || j.id || ': ' || count(r.*) "
						+ "from purge.jobs j left join purge.receipts r on r.job_id = j.id "
						+ "where j.created_at >= ? and j.state = 'completed' group by j.id having count(r.*) <> 1",
				since())) {
			this.findings.violation("one-receipt", job + " receipts");
		}
		for (String root : query("select root_type || ' ' || root_id || ': ' || count(*) from purge.receipts "
				+ "where created_at >= ? group by root_type, root_id having count(*) > 1", since())) {
			this.findings.violation("one-receipt", root + " receipts for one root");
		}
		for (String job : query("select root_type || ' ' || root_id || ' job ' || id || ': ' || last_error "
				+ "from purge.jobs where created_at >= ? and state = 'failed'", since())) {
			this.findings.violation("due-purged", "failed " + job);
		}
		for (Dataset dataset : this.model.datasets()) {
			orphanVectors(dataset);
		}
	}

	private void orphanVectors(Dataset dataset) throws SQLException {
		for (String vector : query("select 'item ' || v.item_id || ' of dataset ' || v.dataset_id "
				+ "from vectors.e_multimodal v where v.dataset_id = ? and not exists "
				+ "(select 1 from catalog.items i where i.id = v.item_id)", dataset.id)) {
			this.findings.violation("residue", "a vector without its item: " + vector);
		}
	}

	/** The state of the jobs that name a target, or that none does. */
	private String jobOf(UUID target) throws SQLException {
		List<String> jobs = query(
				"select j.root_type || ' job ' || j.id || ' ' || j.state || ' at ' || j.step || ' '"
						+ " || coalesce(j.last_error, '') from purge.jobs j where j.root_id = ? or exists "
						+ "(select 1 from purge.job_targets t where t.job_id = j.id and t.target_id = ?)",
				target, target);
		return jobs.isEmpty() ? "no job names it" : String.join("; ", jobs);
	}

	private void residue(String what, String prefix) {
		int versions = this.stores.versionsUnder(prefix).size();
		int uploads = this.stores.uploadsUnder(prefix).size();
		if (versions + uploads > 0) {
			this.findings.violation("residue",
					what + ": " + versions + " object versions and " + uploads + " uploads left under " + prefix);
		}
	}

	private void receipts(String what, UUID root) throws SQLException {
		long receipts = this.stores.count("select count(*) from purge.receipts where root_id = ?", root);
		if (receipts != 1) {
			this.findings.violation("one-receipt", what + " has " + receipts + " receipts");
		}
	}

	private boolean ended(String sql, UUID root) throws SQLException {
		String state = string(sql, root);
		return "completed".equals(state) || "failed".equals(state);
	}

	private boolean endedTarget(UUID target) throws SQLException {
		return this.stores.count("select count(*) from purge.job_targets t join purge.jobs j on j.id = t.job_id "
				+ "where t.target_id = ? and j.state in ('completed', 'failed')", target) > 0;
	}

	private boolean rowExists(String table, UUID id) throws SQLException {
		return this.stores.count("select count(*) from catalog." + table + " where id = ?", id) > 0;
	}

	private String string(String sql, UUID parameter) throws SQLException {
		List<String> values = query(sql, parameter);
		return values.isEmpty() ? "absent" : values.get(0);
	}

	private OffsetDateTime since() {
		return OffsetDateTime.ofInstant(this.since, ZoneOffset.UTC);
	}

	private List<String> query(String sql, Object... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.stores.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	private static String state(JsonNode run) {
		return run.get("state").stringValue();
	}

}
