package io.lethe.purge.reconcile;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog row that would own an object key, read from Lethe's key layout
 * ({@code io.lethe.stores.object.ObjectKeys}): an asset owns everything under
 * {@code orgs/{org}/assets/{asset}/}, an item everything under
 * {@code orgs/{org}/datasets/{dataset}/items/{item}/}, a dataset the rest of its prefix.
 * A key outside this layout has no provable owner and is never touched.
 */
record KeyOwner(Type type, UUID org, UUID id) {

	private static final String ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

	private static final Pattern ASSET = Pattern.compile("orgs/" + ID + "/assets/" + ID + "/.+");

	private static final Pattern ITEM = Pattern.compile("orgs/" + ID + "/datasets/" + ID + "/items/" + ID + "/.+");

	private static final Pattern DATASET = Pattern.compile("orgs/" + ID + "/datasets/" + ID + "/(.+)");

	enum Type {

		ASSET, ITEM, DATASET

	}

	static Optional<KeyOwner> of(String key) {
		Matcher asset = ASSET.matcher(key);
		if (asset.matches()) {
			return Optional.of(new KeyOwner(Type.ASSET, uuid(asset, 1), uuid(asset, 2)));
		}
		Matcher item = ITEM.matcher(key);
		if (item.matches()) {
			return Optional.of(new KeyOwner(Type.ITEM, uuid(item, 1), uuid(item, 3)));
		}
		Matcher dataset = DATASET.matcher(key);
		// items/ with something other than an item id under it is not the layout
		if (dataset.matches() && !dataset.group(3).startsWith("items/")) {
			return Optional.of(new KeyOwner(Type.DATASET, uuid(dataset, 1), uuid(dataset, 2)));
		}
		return Optional.empty();
	}

	/** The dataset whose prefix the key is under (its own key or an item's), if any. */
	static Optional<UUID> datasetOf(String key) {
		Matcher dataset = DATASET.matcher(key);
		return dataset.matches() ? Optional.of(uuid(dataset, 2)) : Optional.empty();
	}

	private static UUID uuid(Matcher matcher, int group) {
		return UUID.fromString(matcher.group(group));
	}

}
