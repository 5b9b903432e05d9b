package io.lethe.consumer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A team's handler as the tests see it: counts each erasure by root, erases three items,
 * and fails for the roots a test says it cannot erase.
 */
class RecordingHandler implements DeletionHandler {

	final Map<UUID, Integer> erasures = new ConcurrentHashMap<>();

	final Set<UUID> failing = ConcurrentHashMap.newKeySet();

	final List<String> visibility = new CopyOnWriteArrayList<>();

	@Override
	public Erasure erase(Deletion deletion) {
		this.erasures.merge(deletion.root().id(), 1, Integer::sum);
		if (this.failing.contains(deletion.root().id())) {
			throw new IllegalStateException("the cache is read-only");
		}
		return Erasure.deleted(3);
	}

	@Override
	public void hide(Root root) {
		this.visibility.add("hide " + root.type() + " " + root.id());
	}

	@Override
	public void show(Root root) {
		this.visibility.add("show " + root.type() + " " + root.id());
	}

}
