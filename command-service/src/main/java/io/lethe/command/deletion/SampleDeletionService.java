package io.lethe.command.deletion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lethe.command.api.Uuids;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemDeletions;

import org.springframework.context.ApplicationEventPublisher;
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

	/** The source is protected by a legal hold on a dataset that owns or uses it. */
	public static final String LEGAL_HOLD = "LEGAL_HOLD";

	private final DatasetService datasets;

	private final ItemDeletions items;

	private final AssetDeletionService assets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SampleDeletionService(DatasetService datasets, ItemDeletions items, AssetDeletionService assets,
			ApplicationEventPublisher events, Clock clock) {
		this.datasets = datasets;
		this.items = items;
		this.assets = assets;
		this.events = events;
		this.clock = clock;
	}

	/** The outcome of one sample: success, or an error code and message. */
	public record SampleResult(String sampleId, boolean success, String errorCode, String errorMsg) {
	}

	/**
	 * A batch's outcome: each sample's, and the id of the deletion it asked for (its
	 * {@code SamplesDeletionRequested}), null when no sample was deleted.
	 */
	public record Batch(List<SampleResult> results, UUID deletionEventId) {
	}

	/** {@link #deleteBatch}'s results. */
	@Transactional
	public List<SampleResult> delete(Caller caller, UUID datasetId, List<String> sampleIds, boolean deleteSource,
			boolean force) {
		return deleteBatch(caller, datasetId, sampleIds, deleteSource, force).results();
	}

	/**
	 * @param sampleIds the ids as sent; duplicates are handled once, results keep the
	 * order of first appearance
	 * @throws io.lethe.problems.ConflictException when the dataset is not active or is
	 * under legal hold
	 */
	@Transactional
	public Batch deleteBatch(Caller caller, UUID datasetId, List<String> sampleIds, boolean deleteSource,
			boolean force) {
		this.datasets.requireActiveUnheld(caller, datasetId);
		Set<String> distinct = new LinkedHashSet<>(sampleIds);
		Map<String, UUID> parsed = new LinkedHashMap<>();
		distinct.forEach((id) -> Uuids.parse(id).ifPresent((uuid) -> parsed.put(id, uuid)));
		// Sources are locked before the items, in id order, as an asset deletion takes
		// them: a batch and an asset deletion never wait on each other crosswise.
		Map<UUID, AssetDeletionService.Lock> sources = new TreeMap<>();
		if (deleteSource) {
			this.items.sourcesOf(datasetId, parsed.values())
				.forEach((asset) -> this.assets.lock(caller, asset).ifPresent((lock) -> sources.put(asset, lock)));
		}
		Map<UUID, Item> found = this.items.lockActive(datasetId, parsed.values())
			.stream()
			.collect(Collectors.toMap(Item::id, Function.identity()));
		Set<UUID> requested = found.keySet();

		Map<String, SampleResult> results = new LinkedHashMap<>();
		List<Item> deleting = new ArrayList<>();
		for (String id : distinct) {
			Item item = Optional.ofNullable(parsed.get(id)).map(found::get).orElse(null);
			SampleResult refused = (item == null)
					? new SampleResult(id, false, SAMPLE_NOT_FOUND, "No sample " + id + " in dataset " + datasetId)
					: refusal(caller, item, deleteSource, force, requested, sources);
			if (refused != null) {
				results.put(id, refused);
				continue;
			}
			deleting.add(item);
			results.put(id, new SampleResult(id, true, null, null));
		}
		this.items.markDeleted(caller, deleting.stream().map(Item::id).toList());
		List<UUID> deletedSources = new ArrayList<>();
		if (deleteSource) {
			deleting.stream()
				.filter((item) -> !item.sourceDeleted() && sources.containsKey(item.assetId()))
				.map(Item::assetId)
				.distinct()
				.forEach((asset) -> {
					this.assets.settle(caller, asset, false);
					deletedSources.add(asset);
				});
		}
		UUID eventId = null;
		if (!deleting.isEmpty()) {
			eventId = UUID.randomUUID();
			this.events.publishEvent(
					new SamplesDeleted(eventId, caller.orgId(), datasetId, deleting.stream().map(Item::id).toList(),
							caller.principal(), deleteSource, deletedSources, this.clock.instant()));
		}
		return new Batch(List.copyOf(results.values()), eventId);
	}

	/**
	 * Why a found sample may not go with its source, or null when it may: a legal hold on
	 * a dataset that owns or uses the source refuses it whatever is forced; so does a
	 * source whose owner dataset is being deleted; without {@code force}, so does a
	 * source that a live or restorable item outside the batch still uses.
	 */
	private SampleResult refusal(Caller caller, Item item, boolean deleteSource, boolean force, Set<UUID> requested,
			Map<UUID, AssetDeletionService.Lock> sources) {
		if (!deleteSource || item.sourceDeleted()) {
			return null;
		}
		String id = item.id().toString();
		AssetDeletionService.Lock lock = sources.get(item.assetId());
		if (lock == null) {
			// placed in the dataset after the sources were read: lock it now
			lock = this.assets.lock(caller, item.assetId()).orElse(null);
			if (lock == null) {
				return null;
			}
			sources.put(item.assetId(), lock);
		}
		if (lock.refusal() != null) {
			return new SampleResult(id, false, "legal-hold".equals(lock.refusal().type()) ? LEGAL_HOLD : SOURCE_IN_USE,
					lock.refusal().getMessage());
		}
		if (!force && !lock.needed(requested).isEmpty()) {
			return new SampleResult(id, false, SOURCE_IN_USE, "Source asset " + item.assetId()
					+ " is still used by another sample; pass force=true to delete it anyway");
		}
		return null;
	}

}
