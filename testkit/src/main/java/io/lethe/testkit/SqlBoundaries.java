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
 * or a package name that mentions the schema does not count. A string that is only a
 * dotted name, such as the audit action {@code "purge.retry"} or a property name, is not
 * SQL; neither is a quoted SQL value ({@code action = 'purge.retry'}), except as the
 * argument of {@code to_regclass}, which names a table.
 */
public final class SqlBoundaries {

	private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][\\w-]*(\\.[A-Za-z_][\\w-]*)+");

	private SqlBoundaries() {
	}

	/**
	 * Fails, naming each file, line and table, when a {@code .java} file under
	 * {@code sourceRoot} names a table of {@code schema} ({@code schema.table}) in SQL.
	 */
	public static void assertNoSqlNames(Path sourceRoot, String schema) {
		List<String> found = sqlNaming(sourceRoot, schema);
		if (!found.isEmpty()) {
			throw new AssertionError("SQL under " + sourceRoot + " names tables of schema '" + schema
					+ "', which it may reach only through its owner's contract:\n  " + String.join("\n  ", found));
		}
	}

	/**
	 * Each place as {@code file:line: schema.table}, in file order.
	 * @throws AssertionError when {@code sourceRoot} is not a directory (nothing would be
	 * checked)
	 */
	public static List<String> sqlNaming(Path sourceRoot, String schema) {
		if (!Files.isDirectory(sourceRoot)) {
			throw new AssertionError(sourceRoot + " is not a directory: nothing would be checked");
		}
		String name = Pattern.quote(schema) + "\\.[A-Za-z_][\\w]*";
		Pattern table = Pattern.compile("(?i)(?<![\\w.'])" + name + "|to_regclass\\s*\\(\\s*'(" + name + ")");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sourceRoot)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				for (JavaStrings.Literal literal : JavaStrings.of(Files.readString(file))) {
					if (DOTTED_NAME.matcher(literal.text().strip()).matches()) {
						continue;
					}
					Matcher matcher = table.matcher(literal.text());
					while (matcher.find()) {
						String named = (matcher.group(1) != null) ? matcher.group(1) : matcher.group();
						int line = literal.line() + (int) literal.text()
							.substring(0, matcher.start())
							.chars()
							.filter((c) -> c == '\n')
							.count();
						found.add(sourceRoot.relativize(file) + ":" + line + ": " + named);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

}
