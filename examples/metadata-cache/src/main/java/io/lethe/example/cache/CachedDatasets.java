package io.lethe.example.cache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cache's table of datasets ({@code cache.datasets}, {@code cache.dataset_items}),
 * the only tables its database role owns.
 */
@Repository
class CachedDatasets {

	private final JdbcClient jdbc;

	CachedDatasets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cached dataset with its items as a JSON array, hidden or not. */
	Optional<CachedDataset> find(UUID id) {
		return this.jdbc.sql("""
				select d.body::text as body, d.hidden,
				       (select coalesce(json_agg(i.body order by i.item_id), '[]'::json)::text
				        from cache.dataset_items i where i.dataset_id = d.id) as items
				from cache.datasets d where d.id = :id""")
			.param("id", id)
			.query((row, n) -> new CachedDataset(row.getString("body"), row.getString("items"),
					row.getBoolean("hidden")))
			.optional();
	}

	/**
	 * Keeps what Lethe answered, unless a row is already there: a deletion event that hid
	 * it while this read was in flight wins.
	 */
	@Transactional
	void store(UUID id, String body, List<Item> items) {
		int inserted = this.jdbc.sql("""
				insert into cache.datasets (id, body) values (:id, cast(:body as jsonb))
				on conflict (id) do nothing""").param("id", id).param("body", body).update();
		if (inserted == 0) {
			return;
		}
		for (Item item : items) {
			this.jdbc
				.sql("""
						insert into cache.dataset_items (dataset_id, item_id, body) values (:dataset, :item, cast(:body as jsonb))
						on conflict do nothing""")
				.param("dataset", id)
				.param("item", item.id())
				.param("body", item.body())
				.update();
		}
	}

	void hide(UUID id) {
		this.jdbc.sql("update cache.datasets set hidden = true where id = :id").param("id", id).update();
	}

	/** Forgets a restored dataset, so that the next read fetches it as it is now. */
	void evict(UUID id) {
		this.jdbc.sql("delete from cache.datasets where id = :id").param("id", id).update();
	}

	/** Deletes every row of the dataset; how many there were. */
	long erase(UUID id) {
		long items = this.jdbc.sql("delete from cache.dataset_items where dataset_id = :id").param("id", id).update();
		return items + this.jdbc.sql("delete from cache.datasets where id = :id").param("id", id).update();
	}

	record CachedDataset(String body, String items, boolean hidden) {
	}

	record Item(UUID id, String body) {
	}

}
