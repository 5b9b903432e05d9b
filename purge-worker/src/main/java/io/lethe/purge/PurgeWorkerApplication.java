package io.lethe.purge;

import java.time.Clock;

import io.lethe.catalog.contract.CatalogContract;
import io.lethe.stores.StoresConfiguration;
import io.lethe.stores.health.InfrastructureHealth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Lethe's purge worker: consumes deletion events and hard-deletes what they name,
 * verifiably.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ StoresConfiguration.class, InfrastructureHealth.class, CatalogContract.class })
public class PurgeWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PurgeWorkerApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
