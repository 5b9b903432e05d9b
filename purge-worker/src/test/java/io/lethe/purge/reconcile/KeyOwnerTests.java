package io.lethe.purge.reconcile;

import java.util.List;
import java.util.UUID;

import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyOwnerTests {

	private final UUID org = UUID.randomUUID();

	private final UUID dataset = UUID.randomUUID();

	private final UUID id = UUID.randomUUID();

	@Test
	void keysInLethesLayoutNameTheRowThatOwnsThem() {
		assertThat(KeyOwner.of(ObjectKeys.assetOriginal(this.org, this.id)))
			.contains(new KeyOwner(KeyOwner.Type.ASSET, this.org, this.id));
		assertThat(KeyOwner.of(ObjectKeys.itemPreview(this.org, this.dataset, this.id)))
			.contains(new KeyOwner(KeyOwner.Type.ITEM, this.org, this.id));
		assertThat(KeyOwner.of(ObjectKeys.itemPrefix(this.org, this.dataset, this.id) + "keyframes/3.jpg"))
			.contains(new KeyOwner(KeyOwner.Type.ITEM, this.org, this.id));
		assertThat(KeyOwner.of(ObjectKeys.datasetPrefix(this.org, this.dataset) + "manifest.json"))
			.contains(new KeyOwner(KeyOwner.Type.DATASET, this.org, this.dataset));
	}

	@Test
	void keysOutsideTheLayoutHaveNoOwner() {
		for (String key : List.of("orgs/" + this.org + "/exports/a.csv", "orgs/not-a-uuid/assets/" + this.id + "/x",
				ObjectKeys.assetPrefix(this.org, this.id),
				ObjectKeys.datasetPrefix(this.org, this.dataset) + "items/not-an-item/preview.jpg",
				ObjectKeys.assetOriginal(this.org, this.id).toUpperCase(), "elsewhere/" + this.id)) {
			assertThat(KeyOwner.of(key)).as(key).isEmpty();
		}
	}

}
