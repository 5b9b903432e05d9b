package io.lethe.stores;

import javax.sql.DataSource;

import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectStoreSettings;
import io.lethe.stores.vector.PgVectorIndex;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The store adapters as beans, for the services to import: the {@link ObjectStore} chosen
 * by {@code lethe.object-store.*}, and the pgvector {@link VectorIndex} on the service's
 * own database.
 */
@Configuration(proxyBeanMethods = false)
public class StoresConfiguration {

	@Bean
	ObjectStore objectStore(Environment environment) {
		return Binder.get(environment)
			.bind("lethe.object-store", ObjectStoreSettings.class)
			.orElseThrow(() -> new IllegalStateException("lethe.object-store.* is not configured"))
			.open();
	}

	@Bean
	VectorIndex vectorIndex(DataSource dataSource) {
		return new PgVectorIndex(dataSource);
	}

}
