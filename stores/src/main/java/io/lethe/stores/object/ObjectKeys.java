package io.lethe.stores.object;

import java.util.UUID;

/**
 * The layout of Lethe's keys; the purge finds everything of a root under these prefixes.
 */
public final class ObjectKeys {

	/** Where every key of every org starts. */
	public static final String ORGS = "orgs/";

	private ObjectKeys() {
	}

	public static String orgPrefix(UUID org) {
		return ORGS + org + "/";
	}

	/** Where every asset of the org has its prefix. */
	public static String orgAssetsPrefix(UUID org) {
		return orgPrefix(org) + "assets/";
	}

	public static String assetPrefix(UUID org, UUID asset) {
		return orgAssetsPrefix(org) + asset + "/";
	}

	public static String assetOriginal(UUID org, UUID asset) {
		return assetPrefix(org, asset) + "original";
	}

	public static String datasetPrefix(UUID org, UUID dataset) {
		return orgPrefix(org) + "datasets/" + dataset + "/";
	}

	public static String itemPrefix(UUID org, UUID dataset, UUID item) {
		return datasetPrefix(org, dataset) + "items/" + item + "/";
	}

	public static String itemPreview(UUID org, UUID dataset, UUID item) {
		return itemPrefix(org, dataset, item) + "preview.jpg";
	}

}
