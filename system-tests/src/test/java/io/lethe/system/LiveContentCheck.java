package io.lethe.system;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lethe.system.ContentOperations.Content;
import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.Lifecycle.State;
import io.lethe.system.UsageModel.Asset;
import io.lethe.system.UsageModel.Item;
import io.lethe.testkit.Api;
import tools.jackson.databind.JsonNode;

/**
 * Rules 1 to 3 of the concurrency suite, over all three stores. What is live is what the
 * API lists (active items of active datasets), and what the model says must be: every
 * such item has its source row {@code ready} with every byte as uploaded, its preview
 * where its dataset keeps previews, and its vector where one was put. A held dataset and
 * a dataset still restorable keep every item they had, whole; a restored dataset has them
 * back.
 */
final class LiveContentCheck {

	private final Stores stores;

	private final UsageModel model;

	private final Findings findings;

	private final Api api;

	private final String key;

	private long itemsChecked;

	LiveContentCheck(Stores stores, UsageModel model, Api api, String key) {
		this.stores = stores;
		this.model = model;
		this.findings = model.findings;
		this.api = api;
		this.key = key;
	}

	long itemsChecked() {
		return this.itemsChecked;
	}

	void check(Instant now) throws Exception {
		try (Connection connection = this.stores.connect()) {
			for (Dataset dataset : this.model.datasets()) {
				if (!dataset.uncertain) {
					check(connection, dataset, now);
				}
			}
		}
	}

	private void check(Connection connection, Dataset dataset, Instant now) throws Exception {
		State state = dataset.last();
		String status = this.api.get("/api/v1/datasets/" + dataset.id, this.key).json().get("status").stringValue();
		String rule = state.held() ? "legal-hold" : (dataset.restored ? "restored-whole" : "live-item");
		if (state.active() && !"active".equals(status)) {
			this.findings.violation(rule,
					dataset + " should be active" + (dataset.restored ? " (restored)" : "") + " but is " + status);
			return;
		}
		if (!state.active() && !state.held() && !state.restorableAt(now)) {
			// due: the purge check's
			return;
		}
		if (!state.active() && !"pending_deletion".equals(status)) {
			this.findings.violation(state.held() ? "legal-hold" : "restorable",
					dataset + " should be pending deletion (held or in its grace) but is " + status);
			return;
		}
		Set<UUID> listed = new HashSet<>();
		if ("active".equals(status)) {
			for (JsonNode item : listItems(dataset)) {
				UUID id = UUID.fromString(item.get("id").stringValue());
				listed.add(id);
				whole(connection, dataset, id, "live-item", !item.get("source_deleted").booleanValue());
			}
		}
		else if (!"pending_deletion".equals(status)) {
			return;
		}
		for (Item item : this.model.itemsOf(dataset)) {
			if (item.uncertain || item.deletedStart != UsageModel.NEVER || listed.contains(item.id)) {
				continue;
			}
			if (state.held() && item.createdEnd > dataset.heldFrom) {
				continue;
			}
			boolean wasThere = dataset.atDeletion.contains(item);
			String itemRule = state.held() ? "legal-hold" : ((dataset.restored && wasThere) ? "restored-whole"
					: (state.active() ? "live-item" : "restorable"));
			if ("active".equals(status)) {
				this.findings.violation(itemRule, item + " is not listed though no delete of it answered");
				continue;
			}
			boolean sourceKept = item.asset.deletedStart == UsageModel.NEVER
					|| (state.held() && item.asset.deletedStart > dataset.heldFrom);
			whole(connection, dataset, item.id, itemRule, sourceKept && !item.asset.uncertain);
		}
	}

	/**
	 * The item's row is active, its source (when it must still have one) is ready with
	 * the uploaded bytes, its preview and vector are there.
	 */
	private void whole(Connection connection, Dataset dataset, UUID id, String rule, boolean needsSource)
			throws Exception {
		this.itemsChecked++;
		Item known = this.model.item(id);
		String what = ((known != null) ? known.toString() : "item " + id + " of " + dataset);
		List<String> row = row(connection, "select status, asset_id, preview_key from catalog.items where id = ?", id);
		if (row == null || !"active".equals(row.get(0))) {
			this.findings.violation(rule, what + " lost its row (" + ((row == null) ? "absent" : row.get(0)) + ")");
			return;
		}
		UUID assetId = UUID.fromString(row.get(1));
		if (needsSource) {
			source(connection, what, assetId, rule);
		}
		if (dataset.storePreview && (row.get(2) == null || read(row.get(2)).isEmpty())) {
			this.findings.violation(rule, what + " lost its preview " + row.get(2));
		}
		if (known != null && known.vector
				&& this.stores.count("select count(*) from vectors.e_multimodal where item_id = ?", id) != 1) {
			this.findings.violation(rule, what + " lost its vector");
		}
	}

	private void source(Connection connection, String what, UUID assetId, String rule) throws Exception {
		List<String> asset = row(connection, "select status, object_key, checksum from catalog.assets where id = ?",
				assetId);
		if (asset == null || !"ready".equals(asset.get(0))) {
			this.findings.violation(rule, what + " lost its source asset " + assetId + " ("
					+ ((asset == null) ? "row absent" : asset.get(0)) + ")");
			return;
		}
		Optional<byte[]> bytes = read(asset.get(1));
		if (bytes.isEmpty()) {
			this.findings.violation(rule, what + " lost the binary of its source asset " + assetId);
			return;
		}
		String sha256 = Content.sha256(bytes.get());
		Asset uploaded = this.model.assets().stream().filter((a) -> a.id.equals(assetId)).findFirst().orElse(null);
		boolean direct = asset.get(2) != null && asset.get(2).startsWith("sha256:");
		if ((uploaded != null && !uploaded.sha256.equals(sha256))
				|| (direct && !asset.get(2).equals("sha256:" + sha256))) {
			this.findings.violation(rule, what + ": the bytes of source asset " + assetId + " changed");
		}
	}

	private Optional<byte[]> read(String key) throws IOException {
		Optional<InputStream> content = this.stores.objects.get(key);
		if (content.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = content.get()) {
			return Optional.of(in.readAllBytes());
		}
	}

	private List<JsonNode> listItems(Dataset dataset) {
		List<JsonNode> items = new ArrayList<>();
		JsonNode next = null;
		long offset = 0;
		do {
			JsonNode page = this.api
				.get("/api/v1/datasets/" + dataset.id + "/items?limit=100&offset=" + offset, this.key)
				.json();
			page.get("data").forEach(items::add);
			next = page.get("meta").get("next_offset");
			offset = (next != null && !next.isNull()) ? next.longValue() : -1;
		}
		while (offset >= 0);
		return items;
	}

	private static List<String> row(Connection connection, String sql, UUID id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.add(rs.getString(i));
				}
				return values;
			}
		}
	}

}
