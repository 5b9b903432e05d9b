package io.lethe.example.cache;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the cache reads datasets ({@code lethe.api.*}).
 *
 * @param url Lethe's command service
 * @param key a member key of the org whose datasets the cache serves; without one, a read
 * that misses the cache answers 502
 */
@ConfigurationProperties("lethe.api")
record LetheApiProperties(URI url, String key) {

	LetheApiProperties {
		if (url == null) {
			throw new IllegalArgumentException("lethe.api.url (LETHE_API) is required");
		}
	}

}
