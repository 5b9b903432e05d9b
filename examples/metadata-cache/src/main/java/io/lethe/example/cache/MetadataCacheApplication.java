package io.lethe.example.cache;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A downstream copy of Lethe's data, as a team would write one: a read-through cache of
 * datasets in its own schema, which the {@code lethe-consumer} library keeps in step with
 * Lethe's deletions ({@link CacheDeletions}).
 */
@SpringBootApplication
@EnableConfigurationProperties(LetheApiProperties.class)
public class MetadataCacheApplication {

	public static void main(String[] args) {
		SpringApplication.run(MetadataCacheApplication.class, args);
	}

}
