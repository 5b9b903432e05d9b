package io.lethe.system;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One of the concurrency suite's clients: until the deadline, a random operation at a
 * time, drawn with fixed weights from its own seeded generator. Writes outweigh deletes
 * so that there is always something to delete; a few datasets are kept active so that
 * uploads and attaches have somewhere to go.
 */
final class ConcurrentClient implements Runnable {

	/** Datasets kept active: uploads and attaches need somewhere to go. */
	static final int ACTIVE_DATASETS = 6;

	private final List<Weighted> operations;

	private final int total;

	private final UsageModel model;

	private final ContentOperations content;

	private final Random random;

	private final Instant deadline;

	ConcurrentClient(UsageModel model, ContentOperations content, LifecycleOperations lifecycle,
			DeletionOperations deletions, long seed, Instant deadline) {
		this.model = model;
		this.content = content;
		this.random = new Random(seed);
		this.deadline = deadline;
		this.operations = List.of(new Weighted(10, content::uploadAsset), new Weighted(14, content::uploadIntoDataset),
				new Weighted(20, content::attach), new Weighted(10, content::embed),
				new Weighted(4, content::multipartRacingDelete), new Weighted(1, content::createDataset),
				new Weighted(1, (r) -> lifecycle.deleteDataset(r, "PT0S")),
				new Weighted(1, (r) -> lifecycle.deleteDataset(r, "PT" + (2 + r.nextInt(6)) + "S")),
				new Weighted(1, (r) -> lifecycle.deleteDataset(r, "PT1H")), new Weighted(3, lifecycle::restore),
				new Weighted(1, lifecycle::placeHold), new Weighted(1, lifecycle::releaseHold),
				new Weighted(2, lifecycle::purgeNow), new Weighted(4, (r) -> deletions.deleteAsset(r, false, false)),
				new Weighted(3, (r) -> deletions.deleteAsset(r, true, false)),
				new Weighted(2, (r) -> deletions.deleteAsset(r, false, true)),
				new Weighted(3, (r) -> deletions.deleteAsset(r, true, true)),
				new Weighted(4, (r) -> deletions.deleteSamples(r, false, false)),
				new Weighted(3, (r) -> deletions.deleteSamples(r, true, false)),
				new Weighted(3, (r) -> deletions.deleteSamples(r, true, true)),
				new Weighted(1, (r) -> lifecycle.reconcile()));
		this.total = this.operations.stream().mapToInt(Weighted::weight).sum();
	}

	@Override
	public void run() {
		while (Instant.now().isBefore(this.deadline)) {
			if (this.model.activeDatasets() < ACTIVE_DATASETS) {
				this.content.createDataset(this.random);
				continue;
			}
			int draw = this.random.nextInt(this.total);
			for (Weighted operation : this.operations) {
				draw -= operation.weight();
				if (draw < 0) {
					operation.run().accept(this.random);
					break;
				}
			}
		}
	}

	private record Weighted(int weight, Consumer<Random> run) {
	}

}
