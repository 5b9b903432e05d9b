package io.lethe.stores.vector;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** The pgvector adapter on a real PostgreSQL with the vector extension. */
class PgVectorIndexIntegrationTests {

	private static final String COLLECTION = PgVectorIndex.collectionFor("test-encoder");

	private static PgVectorIndex index;

	private static VectorMaintenance maintenance;

	private static DriverManagerDataSource dataSource;

	private final UUID org = UUID.randomUUID();

	private final UUID dataset = UUID.randomUUID();

	@BeforeAll
	static void connect() {
		TestPostgres postgres = TestInfrastructure.postgres();
		dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
		index = new PgVectorIndex(dataSource);
		maintenance = index.maintenance().orElseThrow();
		index.ensureCollection(COLLECTION, 3);
		index.ensureCollection(COLLECTION, 3);
	}

	@Test
	void theNearestVectorsOfADatasetComeFirst() {
		UUID near = put(new float[] { 1, 0, 0 });
		UUID middle = put(new float[] { 1, 1, 0 });
		UUID far = put(new float[] { -1, 0, 0 });
		UUID otherDataset = UUID.randomUUID();
		index.upsert(COLLECTION,
				new VectorEntry(this.org, otherDataset, UUID.randomUUID(), "e", new float[] { 1, 0, 0 }));

		List<Neighbor> hits = index.search(COLLECTION, this.dataset, "e", new float[] { 1, 0, 0 }, 10, Set::copyOf);

		assertThat(hits).extracting(Neighbor::item).containsExactly(near, middle, far);
		assertThat(hits.get(0).distance()).isCloseTo(0.0, offset(1e-6));
	}

	@Test
	void itemsTheCallerNoLongerCountsNeverAppear() {
		List<UUID> items = IntStream.range(0, 30).mapToObj((i) -> put(new float[] { 1, i, 0 })).toList();
		Set<UUID> deleted = items.stream().limit(25).collect(Collectors.toSet());

		List<Neighbor> hits = index.search(COLLECTION, this.dataset, "e", new float[] { 1, 0, 0 }, 5,
				(candidates) -> candidates.stream().filter((id) -> !deleted.contains(id)).collect(Collectors.toSet()));

		assertThat(hits).extracting(Neighbor::item).containsExactlyElementsOf(items.subList(25, 30));
	}

	@Test
	void upsertingAnEmbeddingAgainReplacesItsVector() {
		UUID item = put(new float[] { 1, 0, 0 });
		index.upsert(COLLECTION, new VectorEntry(this.org, this.dataset, item, "e", new float[] { 0, 1, 0 }));

		List<Neighbor> hits = index.search(COLLECTION, this.dataset, "e", new float[] { 0, 1, 0 }, 1, Set::copyOf);

		assertThat(index.countDataset(this.dataset)).isEqualTo(1);
		assertThat(hits.get(0).distance()).isCloseTo(0.0, offset(1e-6));
		assertThat(index.embeddingNames(List.of(item))).containsEntry(item, List.of("e"));
	}

	@Test
	void aDatasetIsDeletedInBoundedChunksUntilNothingIsLeft() {
		IntStream.range(0, 25).forEach((i) -> put(new float[] { 1, i, 1 }));
		UUID keptDataset = UUID.randomUUID();
		index.upsert(COLLECTION,
				new VectorEntry(this.org, keptDataset, UUID.randomUUID(), "e", new float[] { 1, 1, 1 }));

		assertThat(index.deleteDatasetChunk(COLLECTION, this.dataset, 10)).isEqualTo(10);
		assertThat(index.deleteDatasetChunk(COLLECTION, this.dataset, 10)).isEqualTo(10);
		assertThat(index.deleteDatasetChunk(COLLECTION, this.dataset, 10)).isEqualTo(5);
		assertThat(index.deleteDatasetChunk(COLLECTION, this.dataset, 10)).isZero();

		assertThat(index.countDataset(this.dataset)).isZero();
		assertThat(index.countDataset(keptDataset)).isEqualTo(1);
	}

	@Test
	void itemsAreDeletedFromEveryCollection() {
		String other = PgVectorIndex.collectionFor("other-encoder");
		index.ensureCollection(other, 2);
		UUID item = put(new float[] { 1, 2, 3 });
		index.upsert(other, new VectorEntry(this.org, this.dataset, item, "o", new float[] { 1, 2 }));

		assertThat(index.countItems(List.of(item))).isEqualTo(2);
		assertThat(index.deleteItems(List.of(item, item))).isEqualTo(2);
		assertThat(index.deleteItems(List.of(item))).isZero();
		assertThat(index.countItems(List.of(item))).isZero();
	}

	@Test
	void aVectorOfTheWrongDimensionOrWithNaNIsRefused() {
		assertThatThrownBy(() -> put(new float[] { 1, 2 })).isInstanceOf(DataAccessException.class);
		assertThatIllegalArgumentException().isThrownBy(() -> put(new float[] { 1, Float.NaN, 0 }));
		assertThatIllegalArgumentException().isThrownBy(() -> index.upsert("bad; drop table x", null));
	}

	@Test
	void aRebuildGivesBackTheIndexSpaceOfDeletedVectorsWhichVacuumAloneKeeps() {
		String collection = PgVectorIndex.collectionFor("space-test");
		index.ensureCollection(collection, 3);
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		sql.update("insert into " + maintenance.table(collection)
				+ " (item_id, embedding_name, org_id, dataset_id, embedding) select gen_random_uuid(), 'e', ?, ?, "
				+ "cast(array[random(), random(), random()] as vector) from generate_series(1, 3000)", this.org,
				this.dataset);
		UUID survivor = put(collection, new float[] { 1, 0, 0 });
		sql.update("delete from " + maintenance.table(collection) + " where item_id <> ?", survivor);

		maintenance.vacuum(collection);
		CollectionSpace vacuumed = maintenance.space(collection);
		maintenance.reindex(collection, 10);
		CollectionSpace rebuilt = maintenance.space(collection);

		assertThat(vacuumed.liveTuples()).isEqualTo(1);
		assertThat(rebuilt.indexBytes()).isLessThan(vacuumed.indexBytes() / 4);
		assertThat(rebuilt.totalBytes()).isEqualTo(rebuilt.tableBytes() + rebuilt.indexBytes());
		assertThat(index.search(collection, this.dataset, "e", new float[] { 1, 0, 0 }, 5, Set::copyOf))
			.extracting(Neighbor::item)
			.containsExactly(survivor);
		assertThatIllegalArgumentException().isThrownBy(() -> maintenance.space("vectors; drop table x"));
	}

	@Test
	void upsertsKeepSucceedingWhileTheCollectionIsVacuumedAndRebuilt() throws Exception {
		String collection = PgVectorIndex.collectionFor("maintenance-race");
		index.ensureCollection(collection, 3);
		List<UUID> items = IntStream.range(0, 200).mapToObj((i) -> UUID.randomUUID()).toList();
		long until = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos();
		java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Integer>> written = IntStream.range(0, 4)
				.mapToObj((writer) -> writers.submit(() -> {
					java.util.Random random = new java.util.Random(writer);
					int count = 0;
					while (System.nanoTime() < until) {
						UUID item = items.get(random.nextInt(items.size()));
						if (random.nextInt(5) == 0) {
							index.deleteItems(List.of(item));
						}
						index.upsert(collection, new VectorEntry(this.org, this.dataset, item, "e",
								new float[] { random.nextFloat(), random.nextFloat(), 1 }));
						count++;
					}
					return count;
				}))
				.toList();
			int rebuilds = 0;
			while (System.nanoTime() < until) {
				maintenance.vacuum(collection);
				maintenance.reindex(collection, 10);
				rebuilds++;
			}
			int writes = 0;
			for (java.util.concurrent.Future<Integer> writer : written) {
				writes += writer.get();
			}
			assertThat(rebuilds).isPositive();
			assertThat(writes).isPositive();
		}
		finally {
			writers.shutdownNow();
		}
	}

	private UUID put(float[] values) {
		return put(COLLECTION, values);
	}

	private UUID put(String collection, float[] values) {
		UUID item = UUID.randomUUID();
		index.upsert(collection, new VectorEntry(this.org, this.dataset, item, "e", values));
		return item;
	}

}
