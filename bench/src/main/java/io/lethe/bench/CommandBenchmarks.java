package io.lethe.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command path: the API under load beside pgbench, and the outbox lag. */
final class CommandBenchmarks {

	private final BenchStack stack;

	private final Options options;

	private final Path home;

	CommandBenchmarks(BenchStack stack, Options options, Path home) {
		this.stack = stack;
		this.options = options;
		this.home = home;
	}

	Map<String, Object> run() throws Exception {
		return new LinkedHashMap<>();
	}

}
