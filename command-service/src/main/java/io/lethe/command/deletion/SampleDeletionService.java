package io.lethe.command.deletion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lethe.command.api.Uuids;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemService;
import io.lethe.command.outbox.Outbox;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.events.codec.Topics;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch deletion of a dataset's samples (items), as ModelArts defines it: each sample
 * succeeds or fails on its own; with {@code delete_source} each sample's source asset
 * goes too, unless another live item still uses it ({@code SOURCE_IN_USE}) and the caller
 * did not force it. Items vanish at once; the purge worker removes their vectors,
 * previews and rows, and the deleted sources' binaries.
 */
@Service
public class SampleDeletionService {

	public static final String SAMPLE_NOT_FOUND = "SAMPLE_NOT_FOUND";

	public static final String SOURCE_IN_USE = "SOURCE_IN_USE";

	private final DatasetService datasets;

	private final ItemService items;

	private final AssetDeletionService assets;

	private final Outbox outbox;

	private final Clock clock;

	SampleDeletionService(DatasetService datasets, ItemService items, AssetDeletionService assets, Outbox outbox,
			Clock clock) {
		this.datasets = datasets;
		this.items = items;
		this.assets = assets;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The outcome of one sample: success, or an error code and message. */
	public record SampleResult(String sampleId, boolean success, String errorCode, String errorMsg) {
	}

	/**
	 * @param sampleIds the ids as sent; duplicates are handled once, results keep the
	 * order of first appearance
	 */
	@Transactional
	public List<SampleResult> delete(Caller caller, UUID datasetId, List<String> sampleIds, boolean deleteSource,
			boolean force) {
		this.datasets.requireActive(caller, datasetId);
		Set<String> distinct = new LinkedHashSet<>(sampleIds);
		Map<String, UUID> parsed = new LinkedHashMap<>();
		distinct.forEach((id) -> Uuids.parse(id).ifPresent((uuid) -> parsed.put(id, uuid)));
		Map<UUID, Item> found = this.items.lockActive(datasetId, parsed.values())
			.stream()
			.collect(Collectors.toMap(Item::id, Function.identity()));
		Set<UUID> requested = found.keySet();

		Map<String, SampleResult> results = new LinkedHashMap<>();
		List<Item> deleting = new ArrayList<>();
		for (String id : distinct) {
			Item item = Optional.ofNullable(parsed.get(id)).map(found::get).orElse(null);
			if (item == null) {
				results.put(id,
						new SampleResult(id, false, SAMPLE_NOT_FOUND, "No sample " + id + " in dataset " + datasetId));
				continue;
			}
			if (deleteSource && !force && !item.sourceDeleted() && usedElsewhere(caller, item, requested)) {
				results.put(id, new SampleResult(id, false, SOURCE_IN_USE, "Source asset " + item.assetId()
						+ " is still used by another sample; pass force=true to delete it anyway"));
				continue;
			}
			deleting.add(item);
			results.put(id, new SampleResult(id, true, null, null));
		}
		this.items.markDeleted(caller, deleting.stream().map(Item::id).toList());
		List<UUID> sources = new ArrayList<>();
		if (deleteSource) {
			deleting.stream().filter((item) -> !item.sourceDeleted()).map(Item::assetId).distinct().forEach((asset) -> {
				this.assets.settle(caller, asset, false);
				sources.add(asset);
			});
		}
		if (!deleting.isEmpty()) {
			UUID eventId = UUID.randomUUID();
			this.outbox.append(eventId, "dataset", datasetId, Topics.DELETIONS,
					SamplesDeletionRequested.newBuilder()
						.setEventId(eventId.toString())
						.setOrgId(caller.orgId().toString())
						.setOccurredAt(this.clock.instant())
						.setDatasetId(datasetId.toString())
						.setSampleIds(deleting.stream().map((item) -> item.id().toString()).toList())
						.setRequestedBy(caller.principal())
						.setDeleteSource(deleteSource)
						.setSourceAssetIds(sources.stream().map(UUID::toString).toList())
						.build());
		}
		return List.copyOf(results.values());
	}

	/**
	 * Whether a live item other than those being deleted in this request still uses the
	 * sample's source.
	 */
	private boolean usedElsewhere(Caller caller, Item item, Set<UUID> requested) {
		return this.items.referencesTo(caller, item.assetId())
			.stream()
			.anyMatch((other) -> !requested.contains(other.id()));
	}

}
