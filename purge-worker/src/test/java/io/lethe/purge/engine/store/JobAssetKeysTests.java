package io.lethe.purge.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobAssetKeysTests {

	private static final String ASSETS = "orgs/7b0e7d56-8c8f-4d3c-9f52-0c1c1e3f4a11/assets/";

	private final TreeSet<String> jobAssets = new TreeSet<>();

	private final List<UUID> pagesAsked = new ArrayList<>();

	private final JobAssetKeys keys = new JobAssetKeys((from, limit) -> {
		this.pagesAsked.add(from);
		return this.jobAssets.tailSet(from.toString(), true).stream().limit(limit).toList();
	}, ASSETS, 3);

	@Test
	void keepsExactlyTheKeysOfTheJobsAssetsAcrossPagesInListingOrder() {
		List<String> all = Stream.generate(() -> UUID.randomUUID().toString()).limit(40).sorted().toList();
		for (int i = 0; i < all.size(); i += 2) {
			this.jobAssets.add(all.get(i));
		}

		List<String> kept = all.stream()
			.flatMap((asset) -> Stream.of(ASSETS + asset + "/original", ASSETS + asset + "/thumbnail.jpg"))
			.filter(this.keys::belongsToJob)
			.toList();

		assertThat(kept).hasSize(40)
			.allSatisfy(
					(key) -> assertThat(this.jobAssets).contains(key.substring(ASSETS.length(), ASSETS.length() + 36)));
		// walked alongside the listing: a page per three of the job's assets, not a
		// lookup
		// per key
		assertThat(this.pagesAsked).hasSizeLessThanOrEqualTo(20 / 3 + 2);
	}

	@Test
	void aListingThatStartsAgainIsAnsweredAsTheFirstTime() {
		List<String> all = Stream.generate(() -> UUID.randomUUID().toString()).limit(10).sorted().toList();
		this.jobAssets.addAll(all.subList(0, 5));

		List<Boolean> first = all.stream()
			.map((asset) -> this.keys.belongsToJob(ASSETS + asset + "/original"))
			.toList();
		List<Boolean> again = all.stream()
			.map((asset) -> this.keys.belongsToJob(ASSETS + asset + "/original"))
			.toList();

		assertThat(first).containsExactly(true, true, true, true, true, false, false, false, false, false);
		assertThat(again).isEqualTo(first);
	}

	@Test
	void keysOfAnyOtherShapeBelongToNoAsset() {
		UUID asset = UUID.randomUUID();
		this.jobAssets.add(asset.toString());

		assertThat(this.keys.belongsToJob(ASSETS + asset + "/original")).isTrue();
		assertThat(Stream.of(ASSETS + asset, ASSETS + asset + "x/original",
				ASSETS + asset.toString().toUpperCase() + "/original", ASSETS + "readme.txt",
				"orgs/another/assets/" + asset + "/original", ASSETS + "ffffffff-ffff-ffff-ffff-fffffffffffg/original"))
			.noneMatch(this.keys::belongsToJob);
	}

}
