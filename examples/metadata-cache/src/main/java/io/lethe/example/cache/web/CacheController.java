package io.lethe.example.cache.web;

import java.util.UUID;

import io.lethe.example.cache.DatasetCache;
import io.lethe.example.cache.LetheApi;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cache/datasets/{id}}: the dataset and its items, read through the cache.
 */
@RestController
class CacheController {

	private final DatasetCache cache;

	CacheController(DatasetCache cache) {
		this.cache = cache;
	}

	@GetMapping(path = "/cache/datasets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> get(@PathVariable("id") UUID id) {
		return this.cache.read(id)
			.<ResponseEntity<?>>map((read) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"cached\":" + read.cached() + ",\"dataset\":" + read.dataset() + ",\"items\":" + read.items()
						+ "}"))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No dataset " + id + " here: unknown to Lethe, or deleted")));
	}

	@ExceptionHandler({ LetheApi.LetheUnavailableException.class,
			org.springframework.web.client.RestClientException.class })
	ProblemDetail unavailable(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Lethe did not answer the read-through: " + ex.getMessage());
	}

}
