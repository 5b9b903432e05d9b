package io.lethe.events.codec;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

/**
 * The few calls of the Confluent Schema Registry REST API that Lethe needs: register a
 * schema under a subject, set a subject's compatibility, fetch a schema by id. Written by
 * hand rather than through Apicurio's serde because that serde speaks Apicurio's own API,
 * which a Confluent registry does not serve, and takes its subject and id from Kafka
 * serializer configuration, not from the {@link EventCodec} interface (which knows no
 * topic and is also used by the outbox, outside any producer). The Confluent API is
 * served by Confluent's registry and by Apicurio's ({@code /apis/ccompat/v7}), so one
 * client fits a user's registry of either kind; its ids are the ones the wire format
 * carries.
 */
public final class SchemaRegistryClient {

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * @param baseUrl the registry's Confluent-compatible API, for example
	 * {@code http://127.0.0.1:8085/apis/ccompat/v7} for Apicurio or the root of a
	 * Confluent registry
	 */
	public SchemaRegistryClient(String baseUrl) {
		this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
	}

	public String baseUrl() {
		return this.baseUrl.toString();
	}

	/**
	 * Registers the schema under the subject, or finds it there: the same schema keeps
	 * its id. A change the subject's compatibility forbids is refused.
	 * @return the schema's id
	 */
	public int register(String subject, Schema schema) {
		JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions",
				Map.of("schema", schema.toString()));
		return answer.path("id").asInt();
	}

	/** Sets the subject's compatibility level, for example {@code FULL_TRANSITIVE}. */
	public void setCompatibility(String subject, String level) {
		send("PUT", "config/" + encode(subject), Map.of("compatibility", level));
	}

	/** The writer schema that the wire format's id names. */
	public Schema schema(int id) {
		JsonNode answer = send("GET", "schemas/ids/" + id, null);
		return new Schema.Parser().parse(answer.path("schema").asText());
	}

	private JsonNode send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", CONTENT_TYPE);
		try {
			request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", CONTENT_TYPE);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 409) {
				throw new IncompatibleSchemaException(method + " " + path + ": " + response.body());
			}
			if (response.statusCode() / 100 != 2) {
				throw new SchemaRegistryException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new SchemaRegistryException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException(method + " " + path + " interrupted", ex);
		}
	}

	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8);
	}

	/** The registry could not be reached or refused a request. */
	public static class SchemaRegistryException extends RuntimeException {

		SchemaRegistryException(String message) {
			super(message);
		}

		SchemaRegistryException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** The registry refused a schema that breaks its subject's compatibility level. */
	public static class IncompatibleSchemaException extends SchemaRegistryException {

		IncompatibleSchemaException(String message) {
			super(message);
		}

	}

}
