package io.lethe.purge.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;

import org.springframework.stereotype.Component;

/**
 * One listing of the org's assets for a job whose assets are most of them. Every asset
 * has its own prefix ({@code orgs/{org}/assets/{asset}/}), and listing each costs two
 * list requests per asset in the objects step and two more in verify: 400,000 requests
 * for a dataset of 100,000 assets, where the versions themselves fill about 200 pages
 * (measured by {@code make bench}). When the job's assets are at least
 * {@code lethe.purge.engine.org-sweep-share} of the org's assets in the catalog, the
 * steps list {@code orgs/{org}/assets/} instead, in 16 shards by the first hex digit of
 * the asset id (several at once), and keep only the keys of the job's assets
 * ({@link JobAssetKeys}). Below that share, listing the org would cost more than listing
 * the job's assets one by one. An org of at most
 * {@code lethe.purge.engine.org-sweep-one-shard-assets} assets is listed as one shard:
 * its few pages cost fewer round trips in a row than 16 listings (each a full scan of the
 * bucket on some stores) cost side by side. Unfinished uploads are rare, so they are
 * listed once over the org's asset prefix, not per shard.
 */
@Component
public class OrgAssetSweep {

	private static final String FIRST_DIGITS = "0123456789abcdef";

	private static final int ID_PAGE = 1000;

	private final JobPrefixes prefixes;

	private final double share;

	private final long oneShardAssets;

	private final int oneWave;

	OrgAssetSweep(JobPrefixes prefixes, EngineProperties properties) {
		this.oneWave = properties.prefixesInFlight();
		this.prefixes = prefixes;
		this.share = properties.orgSweepShare();
		this.oneShardAssets = properties.orgSweepOneShardAssets();
	}

	/**
	 * Whether the job's assets are listed through the org's shards: never when they are
	 * so few that their own prefixes are listed in one wave of parallel listings.
	 */
	public boolean applies(PurgeJob job) {
		return this.prefixes.assetsAreShareOfOrg(job.id(), job.orgId(), this.share, this.oneWave);
	}

	/**
	 * The org's asset prefix to list for versions: in 16 shards, or whole when the org
	 * has few assets. Each keeps only the keys of the job's assets.
	 */
	public List<PrefixListing> shards(PurgeJob job) {
		String assets = ObjectKeys.orgAssetsPrefix(job.orgId());
		if (this.prefixes.orgAssetsAtMost(job.id(), job.orgId(), this.oneShardAssets)) {
			return List.of(shard(job.id(), job.orgId(), assets));
		}
		List<PrefixListing> shards = new ArrayList<>(FIRST_DIGITS.length());
		for (char digit : FIRST_DIGITS.toCharArray()) {
			shards.add(shard(job.id(), job.orgId(), assets + digit));
		}
		return shards;
	}

	/** The org's whole asset prefix, listed once for unfinished uploads. */
	public PrefixListing uploads(PurgeJob job) {
		return shard(job.id(), job.orgId(), ObjectKeys.orgAssetsPrefix(job.orgId()));
	}

	/**
	 * The listing of one shard (any prefix under the org's assets) of a job's sweep,
	 * keeping only the keys of the job's assets: what the job's worker lists, and what a
	 * worker that did not plan the sweep lists when it claims the shard
	 * ({@code engine.shard}). One per listing: it keeps the listing's place among the
	 * job's asset ids.
	 */
	public PrefixListing shard(UUID job, UUID org, String prefix) {
		String assets = ObjectKeys.orgAssetsPrefix(org);
		if (!prefix.startsWith(assets)) {
			throw new IllegalArgumentException(prefix + " is not under the org's assets " + assets);
		}
		JobAssetKeys keys = new JobAssetKeys((from, limit) -> this.prefixes.assetIdsFrom(job, from, limit), assets,
				ID_PAGE);
		return new PrefixListing(prefix, keys::belongsToJob);
	}

}
