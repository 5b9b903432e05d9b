package io.lethe.command.item;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lethe.problems.ConflictException;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.asset.Asset;
import io.lethe.command.asset.AssetService;
import io.lethe.command.asset.AssetType;
import io.lethe.command.asset.IncomingFile;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.encoder.Encoder;
import io.lethe.command.encoder.EncoderCatalog;
import io.lethe.command.encoder.EncoderCollections;
import io.lethe.command.storage.ObjectWrites;
import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.vector.Neighbor;
import io.lethe.stores.vector.VectorEntry;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Items: assets placed in datasets, their previews, their vectors, and search over them.
 */
@Service
public class ItemService {

	/**
	 * Sources larger than this get a placeholder preview instead of being read to decode.
	 */
	private static final long MAX_DECODED_SOURCE = 64L * 1024 * 1024;

	private final Items items;

	private final DatasetService datasets;

	private final AssetService assets;

	private final EncoderCatalog encoders;

	private final VectorIndex vectors;

	private final ObjectStore store;

	private final ObjectWrites writes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ItemService(Items items, DatasetService datasets, AssetService assets, EncoderCatalog encoders, VectorIndex vectors,
			ObjectStore store, ObjectWrites writes, TransactionTemplate transactions, Clock clock) {
		this.transactions = transactions;
		this.items = items;
		this.datasets = datasets;
		this.assets = assets;
		this.encoders = encoders;
		this.vectors = vectors;
		this.store = store;
		this.writes = writes;
		this.clock = clock;
	}

	/**
	 * Places an existing asset of the caller's org in the dataset; derives its preview
	 * when the dataset wants one.
	 */
	public Item add(Caller caller, UUID datasetId, UUID assetId) {
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		Asset asset = this.assets.get(caller, assetId);
		checkAccepts(dataset, asset);
		UUID id = UUID.randomUUID();
		if (!dataset.storePreview()) {
			return this.transactions.execute((status) -> record(caller, datasetId, asset, id, null));
		}
		String key = ObjectKeys.itemPreview(caller.orgId(), datasetId, id);
		byte[] preview = preview(asset);
		return this.writes.write(caller.orgId(), key, new ByteArrayInputStream(preview), preview.length, "image/jpeg",
				(stored) -> record(caller, datasetId, asset, id, key));
	}

	/**
	 * Uploads a file as a new asset owned by the dataset, then places it there. The asset
	 * commits first; should placing it fail, the asset stays (whole, with its binary) and
	 * the dataset's purge takes it along.
	 */
	public Item addUpload(Caller caller, UUID datasetId, IncomingFile file, AssetType type,
			Map<String, Object> metadata) {
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		checkAccepts(dataset, type);
		// The asset row names the dataset as its owner, so it commits only while the
		// dataset is active, under the same shared lock as every write into it.
		Asset asset = this.assets.upload(caller, file, type, metadata, datasetId,
				(stored) -> this.datasets.requireActive(caller, datasetId));
		return add(caller, datasetId, asset.id());
	}

	/**
	 * Commits the item. Its dataset must be {@code active}, the asset {@code ready} and
	 * the asset's owner dataset, if another, {@code active} too, all read under shared
	 * locks held until the item commits: a dataset cannot be deleted or fenced, nor the
	 * asset deleted, between the check and the write. Datasets are locked before the
	 * asset, as every catalog write does.
	 */
	private Item record(Caller caller, UUID datasetId, Asset read, UUID id, String previewKey) {
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		if (read.ownerDatasetId() != null && !read.ownerDatasetId().equals(datasetId)) {
			this.datasets.requireActiveOwner(caller, read.ownerDatasetId(), read.id());
		}
		Asset asset = this.assets.lockShared(caller, read.id());
		checkAccepts(dataset, asset);
		Item item = new Item(id, caller.orgId(), datasetId, asset.id(), asset.assetType().value(), Item.ACTIVE, false,
				previewKey, now(), caller.principal());
		try {
			this.items.insert(item);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("item-exists",
					"Asset " + asset.id() + " is already in dataset " + datasetId + ".",
					Map.of("asset_id", asset.id(), "dataset_id", datasetId));
		}
		return item;
	}

	private static void checkAccepts(Dataset dataset, Asset asset) {
		if (!asset.isReady()) {
			throw new ConflictException("asset-not-ready", "Asset " + asset.id() + " is still " + asset.status() + ".",
					Map.of("asset_status", asset.status()));
		}
		checkAccepts(dataset, asset.assetType());
	}

	private static void checkAccepts(Dataset dataset, AssetType type) {
		if (!dataset.allowedAssetTypes().contains(type.value())) {
			throw new InvalidRequestException(FieldError.body("asset_id",
					"The dataset accepts " + dataset.allowedAssetTypes() + ", not " + type.value(),
					"asset_type_not_allowed"));
		}
	}

	private byte[] preview(Asset asset) {
		boolean decodable = asset.assetType() == AssetType.IMAGE && asset.sizeBytes() != null
				&& asset.sizeBytes() <= MAX_DECODED_SOURCE;
		if (!decodable) {
			return Previews.of(false, InputStream.nullInputStream(), asset.checksum());
		}
		Optional<InputStream> source = this.store.get(asset.objectKey());
		try (InputStream in = source.orElse(InputStream.nullInputStream())) {
			return Previews.of(true, in, asset.checksum());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Transactional(readOnly = true)
	public Item get(Caller caller, UUID datasetId, UUID itemId) {
		this.datasets.requireVisible(caller, datasetId);
		return this.items.findActive(datasetId, itemId).orElseThrow(() -> new NotFoundException("Item " + itemId));
	}

	/** The names of the embeddings the item has vectors for. */
	@Transactional(readOnly = true)
	public List<String> embeddingNames(Item item) {
		return this.vectors.embeddingNames(List.of(item.id())).getOrDefault(item.id(), List.of());
	}

	/**
	 * A page of the dataset's items, newest first, each with the names of its embeddings.
	 */
	@Transactional(readOnly = true)
	public <T> PageResponse<T> list(Caller caller, UUID datasetId, Paging paging,
			java.util.function.BiFunction<Item, List<String>, T> view) {
		this.datasets.requireVisible(caller, datasetId);
		List<Item> page = this.items.page(datasetId, paging.limit(), paging.offset());
		Map<UUID, List<String>> names = this.vectors.embeddingNames(page.stream().map(Item::id).toList());
		List<T> data = page.stream().map((item) -> view.apply(item, names.getOrDefault(item.id(), List.of()))).toList();
		return paging.page(data, this.items.count(datasetId));
	}

	/** Stores (or replaces) the item's vector for one of the dataset's embeddings. */
	@Transactional
	public void putEmbedding(Caller caller, UUID datasetId, UUID itemId, String embeddingName, float[] vector) {
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		Encoder encoder = embedding(dataset, embeddingName);
		Item item = this.items.lockActiveShared(datasetId, itemId)
			.orElseThrow(() -> new NotFoundException("Item " + itemId));
		checkDimension(encoder, vector);
		this.vectors.upsert(EncoderCollections.collectionOf(encoder.name()),
				new VectorEntry(caller.orgId(), datasetId, item.id(), embeddingName, vector));
	}

	/**
	 * The dataset's live items nearest to the vector, nearest first; deleted items never
	 * appear.
	 */
	@Transactional(readOnly = true)
	public List<SearchHit> search(Caller caller, UUID datasetId, String embeddingName, float[] vector, int k) {
		Dataset dataset = this.datasets.requireVisible(caller, datasetId);
		Encoder encoder = embedding(dataset, embeddingName);
		checkDimension(encoder, vector);
		List<Neighbor> neighbors = this.vectors.search(EncoderCollections.collectionOf(encoder.name()), datasetId,
				embeddingName, vector, k, (candidates) -> this.items.live(datasetId, candidates));
		Map<UUID, Item> byId = this.items.findAll(neighbors.stream().map(Neighbor::item).toList())
			.stream()
			.collect(Collectors.toMap(Item::id, Function.identity()));
		return neighbors.stream()
			.map((n) -> new SearchHit(byId.get(n.item()), n.embeddingName(), n.distance()))
			.toList();
	}

	/** The live items, across the org's live datasets, that reference the asset. */
	@Transactional(readOnly = true)
	public List<Item> referencing(Caller caller, UUID assetId) {
		this.assets.get(caller, assetId);
		return this.items.referencing(caller.orgId(), assetId);
	}

	/** The size of a dataset's content, for summaries such as Subworkflow's. */
	@Transactional(readOnly = true)
	public DatasetContents contents(UUID datasetId) {
		return this.items.contents(datasetId);
	}

	private Encoder embedding(Dataset dataset, String embeddingName) {
		if (!dataset.encoderName().equals(embeddingName)) {
			throw new InvalidRequestException(FieldError.path("embedding_name",
					"Unknown embedding; this dataset has: " + dataset.encoderName(), "unknown_embedding"));
		}
		return this.encoders.require(dataset.encoderName());
	}

	private static void checkDimension(Encoder encoder, float[] vector) {
		if (vector.length != encoder.dimension()) {
			throw new InvalidRequestException(FieldError.body("vector",
					"Expected " + encoder.dimension() + " components for " + encoder.name() + ", got " + vector.length,
					"vector_dimension"));
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** An item found by search and its distance to the query. */
	public record SearchHit(Item item, String embeddingName, double distance) {
	}

}
