package io.lethe.consumer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges with {@code POST /api/v1/deletions/{root_type}/{root_id}/acks}, signed
 * with the consumer's own key. A 2xx is accepted (a repeat answers
 * {@code duplicate: true}); another 4xx is Lethe refusing the answer for good (a retired
 * consumer, a cancelled deletion): logged, never retried; a 5xx, a 429 or no answer may
 * pass and is retried.
 */
class RestAcknowledger implements Acknowledger {

	private static final Logger logger = LoggerFactory.getLogger(RestAcknowledger.class);

	private final HttpClient http;

	private final URI lethe;

	private final String key;

	private final Duration timeout;

	RestAcknowledger(ConsumerProperties.Ack properties) {
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.lethe = properties.url();
		this.key = properties.key();
		this.timeout = properties.timeout();
	}

	@Override
	public void acknowledge(Deletion deletion, Erasure erasure) {
		URI uri = this.lethe
			.resolve("/api/v1/deletions/" + deletion.root().type() + "/" + deletion.root().id() + "/acks");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + this.key)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofString(body(deletion, erasure)))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AckFailedException("Lethe did not answer the acknowledgement at " + uri, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AckFailedException("interrupted while acknowledging at " + uri, ex);
		}
		int status = response.statusCode();
		if (status >= 500 || status == 429 || status == 408) {
			throw new AckFailedException(
					"Lethe answered " + status + " to the acknowledgement at " + uri + ": " + response.body(), null);
		}
		if (status >= 300) {
			logger.warn("Lethe refused the acknowledgement of {} {} ({}): {}", deletion.root().type(),
					deletion.root().id(), status, response.body());
		}
	}

	static String body(Deletion deletion, Erasure erasure) {
		StringBuilder json = new StringBuilder("{\"outcome\":").append(string(erasure.outcome()));
		json.append(",\"deletion_event_id\":").append(string(deletion.deletionEventId().toString()));
		if (erasure.itemsDeleted() != null) {
			json.append(",\"items_deleted\":").append(erasure.itemsDeleted());
		}
		if (erasure.detail() != null) {
			json.append(",\"detail\":").append(string(erasure.detail()));
		}
		return json.append('}').toString();
	}

	private static String string(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
