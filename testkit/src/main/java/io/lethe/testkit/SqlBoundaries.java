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
 * Which module may name which schema's tables in SQL. The check reads the Java sources'
 * text (string literals and text blocks, where SQL lives), not the bytecode, because a
 * statement's table names exist only as text; comments and code are skipped, so a javadoc
 * or a package name that mentions the schema does not count.
 */
public final class SqlBoundaries {

	private SqlBoundaries() {
	}

	/**
	 * Fails, naming each file, line and table, when a {@code .java} file under
	 * {@code sourceRoot} names a table of {@code schema} ({@code schema.table}) in a
	 * string literal or text block.
	 */
	public static void assertNoSqlNames(Path sourceRoot, String schema) {
		if (!Files.isDirectory(sourceRoot)) {
			throw new AssertionError(sourceRoot + " is not a directory: nothing would be checked");
		}
		Pattern table = Pattern.compile("\\b" + Pattern.quote(schema) + "\\.[a-z_]+");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sourceRoot)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				for (JavaStrings.Literal literal : JavaStrings.of(Files.readString(file))) {
					Matcher matcher = table.matcher(literal.text());
					while (matcher.find()) {
						found.add(sourceRoot.relativize(file) + ":" + literal.line() + ": " + matcher.group());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!found.isEmpty()) {
			throw new AssertionError("SQL under " + sourceRoot + " names tables of schema '" + schema
					+ "', which it may reach only through its owner's contract:\n  " + String.join("\n  ", found));
		}
	}

}
