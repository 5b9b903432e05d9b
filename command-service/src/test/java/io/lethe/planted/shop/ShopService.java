package io.lethe.planted.shop;

import io.lethe.planted.shop.web.PageView;
import io.lethe.stores.vector.PgVectorIndex;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.stereotype.Service;

/** Planted: a service that uses a web type and checks the vector index's adapter. */
@Service
public class ShopService {

	public PageView page(VectorIndex index) {
		return new PageView((index instanceof PgVectorIndex) ? "pgvector" : "other");
	}

}
