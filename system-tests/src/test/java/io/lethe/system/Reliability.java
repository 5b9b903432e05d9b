package io.lethe.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reliability suite's figures (kills survived, faults injected, residue), one file
 * per test under {@code target/reliability/}, which {@code make test} prints at the end.
 */
final class Reliability {

	private Reliability() {
	}

	static void record(String name, Map<String, ?> figures) {
		try {
			Path dir = Path.of("target", "reliability");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(name + ".properties"),
					figures.entrySet()
						.stream()
						.map((entry) -> name + "." + entry.getKey() + "=" + entry.getValue())
						.collect(Collectors.joining("\n", "", "\n")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
