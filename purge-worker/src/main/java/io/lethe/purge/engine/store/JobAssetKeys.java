package io.lethe.purge.engine.store;

import java.util.List;
import java.util.UUID;

/**
 * Tells, for keys under an org's asset prefix asked in the listing's order, whether each
 * lies under one of the job's assets' prefixes. It walks the job's asset ids alongside
 * the listing, a page at a time, so memory stays flat whatever the number of assets: a
 * listing is in key order, a key's asset id is fixed-width text at the start, and a
 * uuid's text sorts as PostgreSQL sorts the uuid. A key asked out of order (a listing
 * started again after an error) looks the ids up again from there. One per listing: it
 * keeps the listing's place.
 */
final class JobAssetKeys {

	private static final int UUID_TEXT = 36;

	private final IdPages ids;

	private final String assets;

	private final int pageSize;

	private List<String> page = List.of();

	private int index;

	private boolean lastPage;

	private String lastAsked;

	/**
	 * @param ids the job's asset ids, a page at a time
	 * @param assets the org's asset prefix
	 * @param pageSize ids per page
	 */
	JobAssetKeys(IdPages ids, String assets, int pageSize) {
		this.ids = ids;
		this.assets = assets;
		this.pageSize = pageSize;
	}

	boolean belongsToJob(String key) {
		String asset = assetId(this.assets, key);
		return asset != null && isJobs(asset);
	}

	/**
	 * The asset id a key of the layout {@code {assets}{id}/…} names, as text; null for a
	 * key of any other shape, which is no asset's.
	 */
	static String assetId(String assets, String key) {
		int end = assets.length() + UUID_TEXT;
		if (key.length() <= end || !key.startsWith(assets) || key.charAt(end) != '/') {
			return null;
		}
		String id = key.substring(assets.length(), end);
		try {
			return UUID.fromString(id).toString().equals(id) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private boolean isJobs(String asset) {
		if (this.lastAsked == null || asset.compareTo(this.lastAsked) < 0) {
			load(asset);
		}
		this.lastAsked = asset;
		while (true) {
			while (this.index < this.page.size() && this.page.get(this.index).compareTo(asset) < 0) {
				this.index++;
			}
			if (this.index < this.page.size()) {
				return this.page.get(this.index).equals(asset);
			}
			if (this.lastPage) {
				return false;
			}
			load(asset);
		}
	}

	private void load(String from) {
		this.page = this.ids.from(UUID.fromString(from), this.pageSize);
		this.index = 0;
		this.lastPage = this.page.size() < this.pageSize;
	}

	/** The job's asset ids in order, from one on. */
	@FunctionalInterface
	interface IdPages {

		/** Up to {@code limit} ids from {@code from} on (itself included), as text. */
		List<String> from(UUID from, int limit);

	}

}
