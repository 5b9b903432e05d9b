package io.lethe.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source, with the line each starts on: a
 * small scanner that knows comments, char literals and escapes, which is all it takes to
 * tell SQL text from code.
 */
final class JavaStrings {

	private JavaStrings() {
	}

	static List<Literal> of(String source) {
		List<Literal> literals = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i);
				i = (i < 0) ? n : i;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				line += count(source, i, end);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = closing(source, i + 3, "\"\"\"");
				literals.add(new Literal(line, source.substring(i + 3, Math.max(i + 3, end - 3))));
				line += count(source, i, end);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = closing(source, i + 1, String.valueOf(c));
				if (c == '"') {
					literals.add(new Literal(line, source.substring(i + 1, Math.max(i + 1, end - 1))));
				}
				i = end;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/** The index just after the closing delimiter, skipping escaped characters. */
	private static int closing(String source, int from, String delimiter) {
		int i = from;
		while (i < source.length()) {
			if (source.charAt(i) == '\\') {
				i += 2;
			}
			else if (source.startsWith(delimiter, i)) {
				return i + delimiter.length();
			}
			else {
				i++;
			}
		}
		return source.length();
	}

	private static int count(String source, int from, int to) {
		int lines = 0;
		for (int i = from; i < to; i++) {
			if (source.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	/** A literal's text and the line it starts on. */
	record Literal(int line, String text) {
	}

}
