package io.lethe.purge.engine.store;

import java.util.function.Predicate;
import java.util.stream.Stream;

import io.lethe.stores.object.MultipartUpload;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;

/**
 * One listing the objects and verify steps make: a prefix, and which keys under it belong
 * to the job — every key under a prefix of the job's own, only its assets' under a shard
 * of the org's assets ({@link OrgAssetSweep}).
 *
 * @param prefix what is listed
 * @param belongsToJob asked of every key listed, in the listing's order
 */
public record PrefixListing(String prefix, Predicate<String> belongsToJob) {

	/** A prefix of the job: everything under it goes. */
	public static PrefixListing whole(String prefix) {
		return new PrefixListing(prefix, (key) -> true);
	}

	public Stream<ObjectVersion> versions(ObjectStore store) {
		return store.listVersions(this.prefix).filter((version) -> this.belongsToJob.test(version.key()));
	}

	public Stream<MultipartUpload> uploads(ObjectStore store) {
		return store.listMultipartUploads(this.prefix).filter((upload) -> this.belongsToJob.test(upload.key()));
	}

}
