package io.lethe.example.cache;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Read-through: a dataset the cache holds is answered from its table; one it does not is
 * fetched from Lethe and kept. A hidden dataset (its deletion pending) is not shown, and
 * one Lethe does not show as active is not kept.
 */
@Service
public class DatasetCache {

	private final CachedDatasets datasets;

	private final LetheApi lethe;

	DatasetCache(CachedDatasets datasets, LetheApi lethe) {
		this.datasets = datasets;
		this.lethe = lethe;
	}

	/** The dataset and its items as JSON; empty when hidden or unknown to Lethe. */
	public Optional<Read> read(UUID id) {
		Optional<CachedDatasets.CachedDataset> cached = this.datasets.find(id);
		if (cached.isPresent()) {
			return cached.filter((dataset) -> !dataset.hidden())
				.map((dataset) -> new Read(dataset.body(), dataset.items(), true));
		}
		Optional<LetheApi.Dataset> fetched = this.lethe.dataset(id);
		if (fetched.isEmpty()) {
			return Optional.empty();
		}
		LetheApi.Dataset dataset = fetched.get();
		if (!"active".equals(dataset.status())) {
			// a deleted dataset (or a purged one's tombstone) is neither shown nor kept
			return Optional.empty();
		}
		this.datasets.store(id, dataset.body(), dataset.items());
		return this.datasets.find(id)
			.filter((stored) -> !stored.hidden())
			.map((stored) -> new Read(stored.body(), stored.items(), false));
	}

	/**
	 * @param dataset the dataset as Lethe answered it
	 * @param items its items, a JSON array
	 * @param cached whether it came from the cache's table
	 */
	public record Read(String dataset, String items, boolean cached) {
	}

}
