package io.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Results as indented JSON. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	static void write(Path file, Object value) throws IOException {
		Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
	}

}
