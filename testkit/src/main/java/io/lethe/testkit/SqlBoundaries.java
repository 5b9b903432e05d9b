package io.lethe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL that names another service's tables in Java sources: a string literal or text
 * block where a table of the schema follows {@code from}, {@code join}, {@code into},
 * {@code update}, {@code table} or {@code to_regclass('}. Strings that only look alike,
 * such as the audit action {@code "purge.retry"}, are not SQL naming a table and pass.
 */
public final class SqlBoundaries {

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private SqlBoundaries() {
	}

	/**
	 * Fails, naming each file, line and statement, when a source under {@code sourceRoot}
	 * has SQL naming a table of {@code schema}.
	 */
	public static void assertNoSqlNames(Path sourceRoot, String schema) {
		List<String> found = sqlNaming(sourceRoot, schema);
		if (!found.isEmpty()) {
			throw new AssertionError("SQL naming tables of schema " + schema + " under " + sourceRoot + ":\n  "
					+ String.join("\n  ", found));
		}
	}

	/** Each place as {@code file:line: text}, in file order. */
	public static List<String> sqlNaming(Path sourceRoot, String schema) {
		Pattern table = Pattern.compile("(?i)(\\b(from|join|into|update|table)\\s+|to_regclass\\s*\\(\\s*')"
				+ Pattern.quote(schema) + "\\.[a-z_]+");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sourceRoot)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				String source = Files.readString(file);
				Matcher literal = LITERAL.matcher(source);
				while (literal.find()) {
					String text = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
					Matcher naming = table.matcher(text);
					while (naming.find()) {
						int line = lineOf(source, literal.start(literal.group(1) != null ? 1 : 2) + naming.start());
						found.add(sourceRoot.relativize(file) + ":" + line + ": " + naming.group().strip());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static int lineOf(String source, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (source.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
