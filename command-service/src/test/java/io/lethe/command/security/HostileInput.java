package io.lethe.command.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generates malformed and hostile input from a seed: strings that break parsers, paths
 * and SQL, numbers at and past every limit, wrong types, deep nesting, invalid JSON,
 * wrong content types and oversized bodies. The same seed gives the same requests.
 */
final class HostileInput {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Writes every non-ASCII character as a \\u escape, lone surrogates included. */
	private static final JsonMapper ESCAPING = JsonMapper.builder()
		.enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

	static final List<String> STRINGS = List.of("", " ", "null", "undefined", "true", "0", "-1", "1e309",
			"../../../../etc/passwd", "..\\..\\windows\\system32", "%2e%2e%2f%2e%2e%2f", "/absolute/path",
			"orgs/00000000-0000-0000-0000-000000000000/assets/x/original", "' OR '1'='1",
			"1; DROP TABLE catalog.datasets;--", "\"; select pg_sleep(5); --", "$(reboot)", "`id`",
			"<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "\u0000", "nul\u0000byte", "\ud800",
			"lone\udfffsurrogate", "\u202eevil", "ＡＢＣ", "名前", "😀🔥", "e\u0301", "\r\n\r\nHTTP/1.1 200 OK", "%00", "%",
			"%zz", "a".repeat(256), "b".repeat(5000), "c".repeat(70_000), "00000000-0000-0000-0000-000000000000",
			"ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "g0000000-0000-0000-0000-000000000000", "PT-1H",
			"P1000000D", "PT0S", "P1D", "image", "video", "active", "purged", "uniform", "intelligent", "multimodal",
			"x-api-key");

	static final List<Object> NUMBERS = List.of(0, -1, 1, 5, 6, 1000, 1001, Integer.MAX_VALUE, Long.MIN_VALUE,
			new java.math.BigInteger("99999999999999999999999999999"), 0.000001, 0.00001, 4.99999, 5.00001, -0.0, 1e308,
			-1e308, new java.math.BigDecimal("1e400"), Double.MIN_VALUE);

	static final List<String> FIELDS = List.of("name", "description", "encoder_name", "allowed_asset_types",
			"keyframe_sampling_method", "keyframe_uniform_fps_sampling_rate", "store_original", "store_preview",
			"metadata_fields_to_index", "metadata_fields_to_embed", "dataset_config", "asset_id", "asset_ids", "vector",
			"embedding_name", "k", "samples", "delete_source", "force", "expires_in", "reason", "filename",
			"content_type", "title", "year", "metadata", "id", "status", "org_id", "created_by", "expires_at");

	static final List<String> QUERY = List.of("limit", "offset", "status", "grace", "force", "cascade", "dry_run",
			"keys", "state", "target_id", "delete_source");

	static final List<String> INVALID_JSON = List.of("{", "[", "{\"name\":}", "{\"name\" \"x\"}", "nul", "tru",
			"{'name': 'single quotes'}", "\uFEFF{\"name\":\"bom\"}", "{\"a\":1,}", "[1,2,,3]", "\"unterminated",
			"{\"name\":\"x\"}{\"name\":\"y\"}", "NaN", "{\"k\": NaN}", "{\"k\": Infinity}", "0x10",
			"{\"a\":\"\\uZZZZ\"}", "\u0000\u0001\u0002", "<xml/>", "name=x&description=y");

	/**
	 * Larger than the server swallows (Tomcat's max-swallow-size): it may close the
	 * connection instead of answering.
	 */
	static final int OVERSIZED_UNREAD = 3 * 1024 * 1024;

	private final Random random;

	HostileInput(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	boolean chance(double p) {
		return this.random.nextDouble() < p;
	}

	/** A path segment: a hostile string, percent-encoded as a client would send it. */
	String pathSegment() {
		if (chance(0.15)) {
			return UUID.randomUUID().toString();
		}
		String raw = pick(STRINGS);
		return raw.isEmpty() ? "%20" : URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A query string of one to three hostile parameters, or none. */
	String query() {
		if (chance(0.4)) {
			return "";
		}
		StringBuilder query = new StringBuilder("?");
		int parameters = 1 + this.random.nextInt(3);
		for (int i = 0; i < parameters; i++) {
			Object value = chance(0.5) ? pick(STRINGS) : pick(NUMBERS);
			query.append((i > 0) ? "&" : "")
				.append(pick(QUERY))
				.append('=')
				.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
		}
		return query.toString();
	}

	/** A JSON value of any type, nested at most {@code depth} deep. */
	Object value(int depth) {
		int kind = this.random.nextInt((depth > 0) ? 7 : 5);
		return switch (kind) {
			case 0 -> pick(STRINGS);
			case 1 -> pick(NUMBERS);
			case 2 -> this.random.nextBoolean();
			case 3 -> null;
			case 4 -> pick(List.of("", "a", UUID.randomUUID().toString()));
			case 5 -> {
				List<Object> list = new ArrayList<>();
				int size = chance(0.05) ? 5_000 : this.random.nextInt(4);
				for (int i = 0; i < size; i++) {
					list.add((size > 100) ? this.random.nextDouble() : value(depth - 1));
				}
				yield list;
			}
			default -> object(depth - 1);
		};
	}

	/** A JSON object of known field names with hostile values. */
	Map<String, Object> object(int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		int size = this.random.nextInt(5);
		for (int i = 0; i < size; i++) {
			object.put(chance(0.9) ? pick(FIELDS) : pick(STRINGS), value(depth));
		}
		return object;
	}

	/** A request body as bytes with its content type, one of many hostile shapes. */
	Body body(Object valid) {
		int kind = this.random.nextInt(100);
		if (kind < 35) {
			return json(mutate(valid));
		}
		if (kind < 60) {
			return json(object(3));
		}
		if (kind < 70) {
			return json(value(2));
		}
		if (kind < 80) {
			return new Body("application/json", pick(INVALID_JSON).getBytes(StandardCharsets.UTF_8));
		}
		if (kind < 84) {
			return new Body("application/json", ("[".repeat(2_000) + "]".repeat(2_000)).getBytes());
		}
		if (kind < 90) {
			String type = pick(List.of("text/plain", "application/xml", "multipart/form-data",
					"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png",
					"application/json; charset=latin-9", "*/*", "garbage"));
			byte[] bytes = new byte[this.random.nextInt(512)];
			this.random.nextBytes(bytes);
			return new Body(type, bytes);
		}
		if (kind < 91) {
			// bigger than any JSON body the service accepts; now and then bigger than it
			// will
			// even read before it closes the connection
			int size = chance(0.2) ? OVERSIZED_UNREAD : 1536 * 1024;
			return new Body("application/json",
					("{\"name\": \"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
		}
		if (kind < 95) {
			return new Body(null, new byte[0]);
		}
		return json(valid);
	}

	/** The valid body with one field changed to a hostile value, or one added. */
	private Object mutate(Object valid) {
		if (!(valid instanceof Map<?, ?> map) || map.isEmpty()) {
			return object(2);
		}
		Map<String, Object> mutated = new LinkedHashMap<>();
		map.forEach((key, value) -> mutated.put(String.valueOf(key), value));
		List<String> keys = new ArrayList<>(mutated.keySet());
		mutated.put(chance(0.8) ? pick(keys) : pick(FIELDS), value(2));
		return mutated;
	}

	private Body json(Object value) {
		if (chance(0.5)) {
			try {
				return new Body("application/json", JSON.writeValueAsBytes(value));
			}
			catch (RuntimeException ex) {
				// a lone surrogate has no UTF-8 form; send it escaped instead
			}
		}
		return new Body("application/json", ESCAPING.writeValueAsBytes(value));
	}

	/** A request body and its content type (null: no Content-Type header). */
	record Body(String contentType, byte[] bytes) {
	}

}
