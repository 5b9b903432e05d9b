package io.lethe.example.cache;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the cache reads datasets ({@code lethe.api.*}).
 *
 * @param url Lethe's command service
 * @param key a member key of the org whose datasets the cache serves
 */
@ConfigurationProperties("lethe.api")
record LetheApiProperties(URI url, String key) {

	LetheApiProperties {
		if (url == null || key == null || key.isBlank()) {
			throw new IllegalArgumentException(
					"lethe.api.url and lethe.api.key (METADATA_CACHE_LETHE_KEY, a member key) are required");
		}
	}

}
