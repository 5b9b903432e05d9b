package io.lethe.events.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The build's schema gate: every current schema must be FULL_TRANSITIVE compatible with
 * every released version of the same record kept in {@code history/}, that is, new
 * readers read every old writer and every old reader reads the new writer. Run by the
 * schemas build ({@code process-classes}); a violation fails the build.
 */
public final class SchemaCompatibilityGate {

	/** One failed check, in words a schema author can act on. */
	public record Violation(String schema, String against, String direction, String detail) {

		@Override
		public String toString() {
			return this.schema + " vs " + this.against + " (" + this.direction + "): " + this.detail;
		}

	}

	private SchemaCompatibilityGate() {
	}

	public static List<Violation> check(List<Schema> current, List<NamedSchema> released) {
		List<Violation> violations = new ArrayList<>();
		for (Schema schema : current) {
			for (NamedSchema old : released) {
				if (!old.schema().getFullName().equals(schema.getFullName())) {
					continue;
				}
				compare(schema, old.schema(), "new reader, old writer", schema.getFullName(), old.name(), violations);
				compare(old.schema(), schema, "old reader, new writer", schema.getFullName(), old.name(), violations);
			}
		}
		return violations;
	}

	private static void compare(Schema reader, Schema writer, String direction, String name, String against,
			List<Violation> violations) {
		SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
		if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
			StringBuilder detail = new StringBuilder();
			result.getResult()
				.getIncompatibilities()
				.forEach((incompatibility) -> detail.append(incompatibility.getType())
					.append(" at ")
					.append(incompatibility.getLocation())
					.append(": ")
					.append(incompatibility.getMessage())
					.append("; "));
			violations.add(new Violation(name, against, direction, detail.toString()));
		}
	}

	/** A released schema and where it came from. */
	public record NamedSchema(String name, Schema schema) {
	}

	/**
	 * Checks the schema folder ({@code src/main/avro}) given as the only argument; exits
	 * 1 on a violation.
	 */
	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]);
		List<Schema> current = new ArrayList<>();
		try (Stream<Path> files = Files.list(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".avsc")).sorted().toList()) {
				current.add(new Schema.Parser().parse(file.toFile()));
			}
		}
		Path history = root.resolve("history");
		List<String> indexed = Files.readAllLines(history.resolve("INDEX"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		List<String> problems = new ArrayList<>();
		List<NamedSchema> released = new ArrayList<>();
		try (Stream<Path> files = Files.walk(history)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".avsc")).sorted().toList()) {
				String relative = history.relativize(file).toString();
				if (!indexed.contains(relative)) {
					problems.add("history/" + relative + " is not listed in history/INDEX (readers would not know it)");
				}
				released.add(new NamedSchema(relative, new Schema.Parser().parse(file.toFile())));
			}
		}
		check(current, released).forEach((violation) -> problems.add(violation.toString()));
		if (!problems.isEmpty()) {
			System.err.println("Schema compatibility gate FAILED (FULL_TRANSITIVE against history/):");
			problems.forEach((problem) -> System.err.println("  - " + problem));
			System.exit(1);
		}
		System.out.println("Schema compatibility gate: " + current.size() + " schemas FULL_TRANSITIVE compatible with "
				+ released.size() + " released versions");
	}

}
