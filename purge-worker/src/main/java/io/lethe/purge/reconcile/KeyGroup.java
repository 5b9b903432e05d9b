package io.lethe.purge.reconcile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.lethe.stores.object.ObjectVersion;

/**
 * Every version and delete marker of one key. The object store lists a key's entries
 * together ({@link io.lethe.stores.object.ObjectStore#listVersions}), so {@link #groups}
 * turns a listing into keys while holding one key at a time.
 */
record KeyGroup(String key, List<ObjectVersion> entries) {

	long bytes() {
		return this.entries.stream().mapToLong(ObjectVersion::size).sum();
	}

	static Iterator<KeyGroup> groups(Iterator<ObjectVersion> listing) {
		return new Iterator<>() {

			private ObjectVersion next = listing.hasNext() ? listing.next() : null;

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public KeyGroup next() {
				if (this.next == null) {
					throw new NoSuchElementException();
				}
				String key = this.next.key();
				List<ObjectVersion> entries = new ArrayList<>();
				while (this.next != null && this.next.key().equals(key)) {
					entries.add(this.next);
					this.next = listing.hasNext() ? listing.next() : null;
				}
				return new KeyGroup(key, List.copyOf(entries));
			}

		};
	}

}
