package io.lethe.purge.job;

import java.util.List;
import java.util.UUID;

/**
 * What a job's event named for it to purge besides its root. A dataset's purge needs
 * nothing more than the dataset; a samples batch names its dataset, the deleted items and
 * the source assets deleted with them; a cascading asset deletion asks for the deleted
 * items that referenced the asset too. The fence checks each against the catalog before
 * purging it.
 *
 * @param dataset the dataset the items belong to, or null
 * @param items deleted items to purge
 * @param assets deleted assets to purge
 * @param referencingItems whether the root asset's deleted referencing items go too
 */
public record JobScope(UUID dataset, List<UUID> items, List<UUID> assets, boolean referencingItems) {

	/** The root alone. */
	public static final JobScope ROOT = new JobScope(null, List.of(), List.of(), false);

	public JobScope {
		items = List.copyOf(items);
		assets = List.copyOf(assets);
	}

	/** An asset's deletion, with or without its referencing items ({@code cascade}). */
	public static JobScope asset(boolean cascade) {
		return new JobScope(null, List.of(), List.of(), cascade);
	}

	/** A batch of a dataset's samples, and the sources deleted with them. */
	public static JobScope samples(UUID dataset, List<UUID> items, List<UUID> sources) {
		return new JobScope(dataset, items, sources, false);
	}

}
