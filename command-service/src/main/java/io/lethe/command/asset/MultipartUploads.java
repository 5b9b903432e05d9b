package io.lethe.command.asset;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.auth.Caller;
import io.lethe.command.quota.OrgQuotas;
import io.lethe.problems.ConflictException;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectStoreException;
import io.lethe.stores.object.UploadedPart;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Multipart uploads of large files: an upload is recorded while under way, so that an
 * abandoned one can be found and aborted, and its asset stays {@code uploading} until the
 * parts are joined.
 */
@Service
public class MultipartUploads {

	private final Assets assets;

	private final AssetUploads uploads;

	private final ObjectStore store;

	private final TransactionTemplate transactions;

	private final AssetMetadata metadata;

	private final OrgQuotas quotas;

	private final Clock clock;

	MultipartUploads(Assets assets, AssetUploads uploads, ObjectStore store, TransactionTemplate transactions,
			AssetMetadata metadata, OrgQuotas quotas, Clock clock) {
		this.assets = assets;
		this.uploads = uploads;
		this.store = store;
		this.transactions = transactions;
		this.metadata = metadata;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * Starts a multipart upload; the asset stays {@code uploading} until completed. It
	 * counts as an asset and an upload in progress from here, its bytes from completion.
	 */
	public Asset start(Caller caller, String filename, String contentType, AssetType type,
			Map<String, Object> userMetadata) {
		this.quotas.precheckAsset(caller.orgId(), 0);
		UUID id = UUID.randomUUID();
		String key = ObjectKeys.assetOriginal(caller.orgId(), id);
		String uploadId = this.store.startMultipartUpload(key, contentType);
		try {
			return this.transactions.execute((status) -> {
				this.quotas.admitUpload(caller.orgId());
				Instant now = now();
				Asset asset = new Asset(id, caller.orgId(), filename, contentType, type, null, null, key, null,
						this.metadata.toJson(userMetadata), Asset.UPLOADING, now, caller.principal(), now,
						caller.principal());
				this.assets.insert(asset);
				this.uploads.insert(new AssetUploads.Upload(id, caller.orgId(), key, uploadId), now);
				return asset;
			});
		}
		catch (RuntimeException ex) {
			this.store.abortMultipartUpload(key, uploadId);
			throw ex;
		}
	}

	/** Receives one part (1..10000); sending a part number again replaces it. */
	public UploadedPartInfo part(Caller caller, UUID assetId, int partNumber, InputStream body, long length) {
		if (partNumber < 1 || partNumber > 10_000) {
			throw new InvalidRequestException(
					FieldError.path("part_number", "Part numbers run from 1 to 10000", "range"));
		}
		AssetUploads.Upload upload = openUpload(caller, assetId);
		this.quotas.precheckBytes(caller.orgId(), length);
		DigestInputStream content = Checksums.digesting(body);
		String etag = this.store.uploadPart(upload.objectKey(), upload.uploadId(), partNumber, content, length);
		String sha = Checksums.hex(content);
		this.transactions.executeWithoutResult(
				(status) -> this.uploads.savePart(assetId, new AssetUploads.Part(partNumber, etag, length, sha)));
		return new UploadedPartInfo(partNumber, length, etag, Checksums.sha256(sha));
	}

	/**
	 * Joins the parts into the asset's binary and marks it ready. The asset row stays
	 * locked from the check to the update, the object store's completion included: a
	 * concurrent delete of the asset waits and then deletes a ready asset (its purge
	 * takes the joined object along), and an asset deleted first is never flipped back to
	 * ready. The joined size is admitted against the org's byte quota before the store
	 * joins anything; a refused upload stays open, to complete once room is made, or to
	 * abort.
	 */
	public Asset complete(Caller caller, UUID assetId) {
		openUpload(caller, assetId);
		return this.transactions.execute((status) -> {
			// the org before the asset, the order of every quota-checked write
			this.quotas.lock(caller.orgId());
			lockUploading(caller, assetId);
			AssetUploads.Upload upload = openUpload(caller, assetId);
			List<AssetUploads.Part> parts = this.uploads.parts(assetId);
			if (parts.isEmpty()) {
				throw new ConflictException("upload-empty", "The upload has no parts yet.");
			}
			long size = parts.stream().mapToLong(AssetUploads.Part::sizeBytes).sum();
			this.quotas.admitBytes(caller.orgId(), size);
			join(upload, parts);
			String checksum = Checksums.composite(parts.stream().map(AssetUploads.Part::sha256).toList());
			this.uploads.delete(assetId);
			this.assets.markReady(assetId, size, checksum, now());
			return this.assets.find(caller.orgId(), assetId).orElseThrow();
		});
	}

	private void join(AssetUploads.Upload upload, List<AssetUploads.Part> parts) {
		try {
			this.store.completeMultipartUpload(upload.objectKey(), upload.uploadId(),
					parts.stream().map((p) -> new UploadedPart(p.partNumber(), p.etag())).toList());
		}
		catch (ObjectStoreException ex) {
			if (ex.retryable()) {
				throw ex;
			}
			throw new ConflictException("upload-rejected",
					"The object store refused to complete the upload (parts other than the last must be at least 5 MiB): "
							+ ex.getMessage());
		}
	}

	/** Abandons an upload: its parts are freed and the asset disappears. */
	public void abort(Caller caller, UUID assetId) {
		AssetUploads.Upload upload = openUpload(caller, assetId);
		this.store.abortMultipartUpload(upload.objectKey(), upload.uploadId());
		this.transactions.executeWithoutResult((status) -> {
			this.uploads.delete(assetId);
			this.assets.deleteUploading(assetId);
		});
	}

	/**
	 * The upload under way for the asset.
	 * @throws NotFoundException when there is none
	 * @throws ConflictException when its asset was deleted meanwhile
	 */
	private AssetUploads.Upload openUpload(Caller caller, UUID assetId) {
		AssetUploads.Upload upload = this.uploads.find(caller.orgId(), assetId)
			.orElseThrow(() -> new NotFoundException("Upload " + assetId));
		if (!Asset.UPLOADING.equals(upload.assetStatus())) {
			throw uploadClosed(assetId, upload.assetStatus());
		}
		return upload;
	}

	private void lockUploading(Caller caller, UUID assetId) {
		Asset asset = this.assets.lock(caller.orgId(), assetId).orElseThrow(() -> uploadClosed(assetId, Asset.DELETED));
		if (!Asset.UPLOADING.equals(asset.status())) {
			throw uploadClosed(assetId, asset.status());
		}
	}

	private static ConflictException uploadClosed(UUID assetId, String status) {
		return Asset.DELETED.equals(status)
				? new ConflictException("asset-deleted",
						"Asset " + assetId + " was deleted; its upload can no longer be completed.",
						Map.of("asset_status", status))
				: new ConflictException("upload-closed", "The upload of asset " + assetId + " is no longer open.",
						Map.of("asset_status", status));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** What a part upload produced. */
	public record UploadedPartInfo(int partNumber, long sizeBytes, String etag, String checksum) {
	}

}
