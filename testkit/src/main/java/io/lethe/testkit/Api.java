package io.lethe.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the tests: what a user's script would send, and the raw answer.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(String base) {
		this.base = base;
	}

	/** Where requests go, e.g. {@code http://127.0.0.1:8080}. */
	public String baseUrl() {
		return this.base;
	}

	public Response get(String path, String key) {
		return send("GET", path, key, null);
	}

	public Response post(String path, String key, Object body) {
		return send("POST", path, key, body);
	}

	public Response patch(String path, String key, Object body) {
		return send("PATCH", path, key, body);
	}

	public Response delete(String path, String key) {
		return send("DELETE", path, key, null);
	}

	/**
	 * A multipart/form-data POST with one file part named {@code file} and extra text
	 * fields, as curl -F sends it.
	 */
	public Response upload(String path, String key, String filename, String contentType, byte[] content,
			Map<String, String> fields) {
		String boundary = "lethe-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.util.function.Consumer<String> text = (s) -> body
			.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (content != null) {
			text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			body.writeBytes(content);
			text.accept("\r\n");
		}
		text.accept("--" + boundary + "--\r\n");
		return sendBytes("POST", path,
				Map.of("Authorization", "Bearer " + key, "Content-Type", "multipart/form-data; boundary=" + boundary),
				body.toByteArray());
	}

	/** A request with a raw body of bytes. */
	public Response sendBytes(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		headers.forEach(request::header);
		request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		return execute(request, method, path);
	}

	/**
	 * A request with a JSON body (a String is sent as is, anything else as JSON) and a
	 * Bearer key if given.
	 */
	public Response send(String method, String path, String key, Object body) {
		Map<String, String> headers = (key != null) ? Map.of("Authorization", "Bearer " + key) : Map.of();
		return send(method, path, headers, body);
	}

	public Response send(String method, String path, Map<String, String> headers, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		if (body != null) {
			String text = (body instanceof String s) ? s : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(text));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return execute(request, method, path);
	}

	private static Response execute(HttpRequest.Builder request, String method, String path) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An HTTP answer. */
	public record Response(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
