package io.lethe.example.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads datasets and their items from Lethe's API with a member key: what the cache
 * copies.
 */
@Component
public class LetheApi {

	/** The most items one dataset keeps in the cache. */
	static final int MAX_ITEMS = 1000;

	private static final int PAGE = 100;

	private final RestClient http;

	private final JsonMapper json;

	private final boolean keyed;

	LetheApi(LetheApiProperties properties, JsonMapper json) {
		this.http = RestClient.builder()
			.baseUrl(properties.url().toString())
			.defaultHeader("Authorization", "Bearer " + properties.key())
			.build();
		this.json = json;
		this.keyed = properties.key() != null && !properties.key().isBlank();
	}

	/** The dataset as Lethe shows it to the key's org; empty when Lethe has none. */
	Optional<Dataset> dataset(UUID id) {
		if (!this.keyed) {
			throw new LetheUnavailableException("no member key to read Lethe with (METADATA_CACHE_LETHE_KEY)");
		}
		String body = this.http.get().uri("/api/v1/datasets/{id}", id).exchange((request, response) -> {
			if (response.getStatusCode() == HttpStatus.NOT_FOUND) {
				return null;
			}
			if (response.getStatusCode().isError()) {
				throw new LetheUnavailableException("Lethe answered " + response.getStatusCode().value());
			}
			return response.bodyTo(String.class);
		}, true);
		if (body == null) {
			return Optional.empty();
		}
		String status = this.json.readTree(body).path("status").asString();
		return Optional.of(new Dataset(body, status, "active".equals(status) ? items(id) : List.of()));
	}

	private List<CachedDatasets.Item> items(UUID dataset) {
		List<CachedDatasets.Item> items = new ArrayList<>();
		int offset = 0;
		while (items.size() < MAX_ITEMS) {
			JsonNode page = this.json.readTree(this.http.get()
				.uri("/api/v1/datasets/{id}/items?limit={limit}&offset={offset}", dataset, PAGE, offset)
				.retrieve()
				.body(String.class));
			for (JsonNode item : page.path("data")) {
				items.add(new CachedDatasets.Item(UUID.fromString(item.path("id").asString()), item.toString()));
			}
			JsonNode next = page.path("meta").path("next_offset");
			if (!next.isNumber()) {
				break;
			}
			offset = next.asInt();
		}
		return items;
	}

	/** Lethe did not give the dataset: the cache cannot answer. */
	public static class LetheUnavailableException extends RuntimeException {

		LetheUnavailableException(String message) {
			super(message);
		}

	}

	/**
	 * @param body Lethe's answer, as sent
	 * @param status the dataset's status: only {@code active} ones are shown
	 * @param items its items, up to {@link #MAX_ITEMS}
	 */
	record Dataset(String body, String status, List<CachedDatasets.Item> items) {
	}

}
