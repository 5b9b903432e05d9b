package io.lethe.purge.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lethe.stores.object.ObjectVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGroupTests {

	@Test
	void aListingBecomesOneGroupPerKeyInOrder() {
		List<ObjectVersion> listing = List.of(entry("a"), entry("a"), entry("b"), entry("c"), entry("c"));

		List<KeyGroup> groups = new ArrayList<>();
		KeyGroup.groups(listing.iterator()).forEachRemaining(groups::add);

		assertThat(groups).extracting(KeyGroup::key).containsExactly("a", "b", "c");
		assertThat(groups).extracting((group) -> group.entries().size()).containsExactly(2, 1, 2);
		assertThat(KeyGroup.groups(List.<ObjectVersion>of().iterator()).hasNext()).isFalse();
	}

	private static ObjectVersion entry(String key) {
		return new ObjectVersion(key, UUID.randomUUID().toString(), false, 1, null);
	}

}
