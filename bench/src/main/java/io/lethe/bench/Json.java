package io.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Results as indented JSON. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	/**
	 * The results as plain maps, lists and numbers, as a reader of the file sees them.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> tree(Object value) {
		return MAPPER.convertValue(value, Map.class);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> read(Path file) throws IOException {
		return MAPPER.readValue(Files.readString(file), Map.class);
	}

	static void write(Path file, Object value) throws IOException {
		Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
	}

}
