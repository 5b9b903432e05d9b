package io.lethe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.lethe.system.Findings.Answer;
import io.lethe.system.Lifecycle.Dataset;
import io.lethe.system.Lifecycle.State;
import io.lethe.system.UsageModel.Asset;
import io.lethe.system.UsageModel.Item;
import io.lethe.testkit.Api;
import tools.jackson.databind.JsonNode;

/**
 * The asset and samples deletes of the concurrency suite's clients (plain, {@code force},
 * {@code cascade}, with their sources), racing everything else. Deletes the rules should
 * have refused are noted once every answer of the run is in.
 */
final class DeletionOperations {

	private final Api api;

	private final String key;

	private final UsageModel model;

	private final Findings findings;

	DeletionOperations(Api api, String key, UsageModel model) {
		this.api = api;
		this.key = key;
		this.model = model;
		this.findings = model.findings;
	}

	void deleteAsset(Random random, boolean force, boolean cascade) {
		Asset asset = this.model.pickAsset(random);
		if (asset == null) {
			return;
		}
		String operation = "delete-asset" + (force ? "-force" : "") + (cascade ? "-cascade" : "");
		Answer answer = this.findings.send(operation, () -> this.api
			.delete("/api/v1/assets/" + asset.id + "?force=" + force + "&cascade=" + cascade, this.key));
		if (answer.unknown()) {
			asset.uncertain = true;
			this.model.itemsUsing(asset).forEach((i) -> i.uncertain = true);
		}
		if (!answer.ok()) {
			return;
		}
		asset.deleted(answer, operation);
		List<Item> deleted = new ArrayList<>();
		List<Item> kept = new ArrayList<>();
		for (JsonNode reference : answer.response().json().get("references")) {
			Item item = this.model.item(UUID.fromString(reference.get("item_id").stringValue()));
			if (item == null) {
				continue;
			}
			if ("deleted".equals(reference.get("item_status").stringValue())) {
				item.deleted(answer, operation);
				deleted.add(item);
			}
			else {
				kept.add(item);
			}
		}
		this.model.later(() -> {
			String what = operation + " of " + asset + " answered " + answer.status();
			// once the owner is due its purge may have released the asset (a live item
			// elsewhere used it): from then on it is an org asset anyone may delete
			if (asset.owner != null && asset.owner.throughout(answer.start(), answer.end(),
					(s) -> !s.active() && s.restorableAt(answer.answeredAt()))) {
				this.findings.violation("owner-dataset-not-active", what + " while its owner " + asset.owner
						+ " was deleted (its purge or restore decides the asset's fate)");
			}
			sourceStillNeeded(asset, answer, force, Set.of(), what);
			for (Item item : deleted) {
				if (!cascade) {
					this.findings.violation("cascade", what + " deleted " + item + " without cascade");
				}
				else if (item.dataset.throughout(answer.start(), answer.end(), (s) -> !s.active())) {
					this.findings.violation("cascade", what + " deleted " + item
							+ " while its dataset was deleted (a restore would come back without it)");
				}
			}
			for (Item item : kept) {
				if (cascade && item.dataset.throughout(answer.start(), answer.end(), State::active)) {
					this.findings.violation("cascade", what + " kept " + item + " of a dataset active throughout");
				}
			}
		});
	}

	void deleteSamples(Random random, boolean deleteSource, boolean force) {
		Predicate<State> which = (random.nextInt(5) == 0) ? (s) -> true : State::active;
		Dataset dataset = this.model.pickDataset(random, which);
		if (dataset == null) {
			return;
		}
		List<Item> candidates = this.model.itemsOf(dataset)
			.stream()
			.filter((i) -> i.deletedStart == UsageModel.NEVER)
			.toList();
		List<Item> batch = new ArrayList<>();
		for (int n = 1 + random.nextInt(3); n > 0 && !candidates.isEmpty(); n--) {
			Item item = this.model.pick(candidates, random);
			if (!batch.contains(item)) {
				batch.add(item);
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		String operation = "delete-samples" + (deleteSource ? "-source" : "") + (force ? "-force" : "");
		List<String> ids = batch.stream().map((i) -> i.id.toString()).toList();
		Answer answer = this.findings.send(operation,
				() -> this.api.post("/api/v1/datasets/" + dataset.id + "/samples/delete", this.key,
						Map.of("samples", ids, "delete_source", deleteSource, "force", force)));
		if (answer.unknown()) {
			batch.forEach((i) -> {
				i.uncertain = true;
				i.asset.uncertain = true;
			});
		}
		if (answer.status() != 200) {
			return;
		}
		JsonNode results = answer.response().json().get("results");
		List<Item> deleted = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (results.get(i).get("success").booleanValue()) {
				Item item = batch.get(i);
				item.deleted(answer, operation);
				deleted.add(item);
				if (deleteSource) {
					item.asset.deleted(answer, operation);
				}
			}
		}
		this.model.later(() -> {
			String what = operation + " in " + dataset + " answered 200";
			for (Item item : deleted) {
				if (dataset.throughout(answer.start(), answer.end(), State::held)) {
					this.findings.violation("legal-hold", what + " and deleted held " + item);
				}
				else if (dataset.throughout(answer.start(), answer.end(), (s) -> s.restorableAt(answer.answeredAt()))) {
					this.findings.violation("restorable", what + " and deleted " + item + " of a deleted dataset");
				}
				if (deleteSource) {
					sourceStillNeeded(item.asset, answer, force, Set.copyOf(deleted), what);
				}
			}
		});
	}

	/**
	 * A source deleted while an item outside the request needed it: a held dataset's
	 * (never), or without force a live or restorable dataset's.
	 */
	private void sourceStillNeeded(Asset asset, Answer answer, boolean force, Set<Item> alsoDeleted, String what) {
		if (asset.deletedStart != answer.start()) {
			// deleted before, by another request
			return;
		}
		for (Item user : this.model.itemsUsing(asset)) {
			if (alsoDeleted.contains(user) || !user.liveThroughout(answer.start(), answer.end())) {
				continue;
			}
			Dataset dataset = user.dataset;
			if (dataset.throughout(answer.start(), answer.end(), State::held)) {
				this.findings.violation("legal-hold", what + " and deleted " + asset + ", the source of held " + user);
			}
			else if (!force && dataset.throughout(answer.start(), answer.end(),
					(s) -> s.active() || s.restorableAt(answer.answeredAt()))) {
				this.findings.violation("asset-referenced",
						what + " without force and deleted " + asset + ", the source of " + user);
			}
		}
	}

}
