package io.lethe.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The recent erasures of an application without a database: a redelivery within the same
 * run is recognised, one after a restart erases again (so the handler must be idempotent,
 * as it must anyway).
 */
class InMemoryProcessedDeletions implements ProcessedDeletions {

	private static final int KEPT = 10_000;

	private final Map<String, Erasure> done = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Erasure> eldest) {
			return size() > KEPT;
		}
	};

	@Override
	public synchronized Erasure once(String eventId, Supplier<Erasure> erase) {
		Erasure recorded = this.done.get(eventId);
		if (recorded != null) {
			return recorded;
		}
		Erasure erasure = erase.get();
		if (erasure.isFinal()) {
			this.done.put(eventId, erasure);
		}
		return erasure;
	}

}
