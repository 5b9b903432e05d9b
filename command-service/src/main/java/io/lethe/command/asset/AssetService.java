package io.lethe.command.asset;

import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lethe.problems.NotFoundException;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.auth.Caller;
import io.lethe.command.quota.OrgQuotas;
import io.lethe.command.storage.ObjectWrites;
import io.lethe.stores.object.ObjectKeys;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assets: direct uploads, reads, user metadata and the locks other features take on an
 * asset. A direct upload's row commits only after its binary is stored
 * ({@link ObjectWrites}); large files go through {@link MultipartUploads}.
 */
@Service
public class AssetService {

	private final Assets assets;

	private final ObjectWrites writes;

	private final AssetMetadata metadata;

	private final OrgQuotas quotas;

	private final Clock clock;

	AssetService(Assets assets, ObjectWrites writes, AssetMetadata metadata, OrgQuotas quotas, Clock clock) {
		this.assets = assets;
		this.writes = writes;
		this.metadata = metadata;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * Stores the file and records the asset. {@code ownerDataset} is set when the file
	 * was uploaded into a dataset. The org's quotas are read before the bytes are sent
	 * and decided, under the org's lock, in the transaction that records the asset: a
	 * refused upload's binary is deleted again ({@link ObjectWrites}).
	 * @param afterStored more catalog writes for the same transaction (an item, say), or
	 * null
	 */
	public Asset upload(Caller caller, IncomingFile file, AssetType type, Map<String, Object> userMetadata,
			UUID ownerDataset, java.util.function.Consumer<Asset> afterStored) {
		UUID id = UUID.randomUUID();
		String key = ObjectKeys.assetOriginal(caller.orgId(), id);
		this.quotas.precheckAsset(caller.orgId(), file.size());
		DigestInputStream content = Checksums.digesting(file.content());
		return this.writes.write(caller.orgId(), key, content, file.size(), file.contentType(), (stored) -> {
			this.quotas.admitAsset(caller.orgId(), stored.size());
			Instant now = now();
			Asset asset = new Asset(id, caller.orgId(), file.filename(), file.contentType(), type, stored.size(),
					Checksums.sha256(Checksums.hex(content)), key, ownerDataset, this.metadata.toJson(userMetadata),
					Asset.READY, now, caller.principal(), now, caller.principal());
			this.assets.insert(asset);
			if (afterStored != null) {
				afterStored.accept(asset);
			}
			return asset;
		});
	}

	/**
	 * The live asset, locked (shared) until the calling transaction ends, so that it
	 * cannot be deleted before what the caller writes about it commits.
	 * @throws NotFoundException for an unknown, deleted or another org's asset
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Asset lockShared(Caller caller, UUID id) {
		return this.assets.lockShared(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Asset " + id));
	}

	/**
	 * The asset's status, also when it is deleted (which {@link #get} hides); empty once
	 * its row is purged, or for another org's asset.
	 */
	@Transactional(readOnly = true)
	public Optional<AssetStatus> status(Caller caller, UUID id) {
		return this.assets.status(caller.orgId(), id);
	}

	@Transactional(readOnly = true)
	public Asset get(Caller caller, UUID id) {
		return this.assets.find(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Asset " + id));
	}

	@Transactional(readOnly = true)
	public <T> PageResponse<T> list(Caller caller, String status, Paging paging,
			java.util.function.Function<Asset, T> view) {
		List<T> data = this.assets.page(caller.orgId(), status, paging.limit(), paging.offset())
			.stream()
			.map(view)
			.toList();
		return paging.page(data, this.assets.count(caller.orgId(), status));
	}

	/** Sets the given keys; a null value removes its key. */
	@Transactional
	public Asset mergeMetadata(Caller caller, UUID id, Map<String, Object> changes) {
		Asset asset = this.assets.lock(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Asset " + id));
		this.assets.updateMetadata(id, this.metadata.merge(asset.metadata(), changes), caller.principal(), now());
		return this.assets.find(caller.orgId(), id).orElseThrow();
	}

	/** Removes the given keys, or every key when {@code keys} is empty. */
	@Transactional
	public Asset removeMetadata(Caller caller, UUID id, List<String> keys) {
		Asset asset = this.assets.lock(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Asset " + id));
		this.assets.updateMetadata(id, this.metadata.remove(asset.metadata(), keys), caller.principal(), now());
		return this.assets.find(caller.orgId(), id).orElseThrow();
	}

	/**
	 * Locks the live asset (exclusive) until the calling transaction ends: the first step
	 * of deleting it, before its references are read. Empty for an unknown, deleted or
	 * another org's asset.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Optional<Asset> lockForDeletion(Caller caller, UUID id) {
		return this.assets.lock(caller.orgId(), id);
	}

	/** The live asset, if the caller's org has one with that id. */
	@Transactional(readOnly = true)
	public Optional<Asset> find(Caller caller, UUID id) {
		return this.assets.find(caller.orgId(), id);
	}

	/**
	 * Marks the asset deleted: it disappears from reads at once; the purge worker removes
	 * its binary, every version of it, and its row. Call inside the transaction that
	 * settles its references.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Asset markDeleted(Caller caller, UUID id) {
		Asset asset = this.assets.lock(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Asset " + id));
		this.assets.markDeleted(id, caller.principal(), now());
		return asset;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
