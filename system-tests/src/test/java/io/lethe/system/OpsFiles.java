package io.lethe.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files in {@code ops/} that users import (the Grafana dashboard, the Prometheus
 * alert rules and their unit tests), the PromQL in them, and {@code promtool} to check
 * them.
 */
final class OpsFiles {

	static final Path ROOT = root();

	static final Path DASHBOARD = ROOT.resolve("ops/grafana/lethe-dashboard.json");

	static final Path ALERTS = ROOT.resolve("ops/prometheus/lethe-alerts.yml");

	static final Path ALERT_TESTS = ROOT.resolve("ops/prometheus/lethe-alerts.test.yml");

	private static final Pattern METRIC = Pattern.compile("\\blethe_[a-z_]+\\b");

	private static final Pattern RULE_EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);

	private static final Pattern ALERT = Pattern.compile("^\\s*- alert:\\s*(\\w+)\\s*$", Pattern.MULTILINE);

	private OpsFiles() {
	}

	/**
	 * Every PromQL query of the dashboard: its panels' targets and its variables'
	 * queries.
	 */
	static List<String> dashboardQueries() {
		JsonNode dashboard = JsonMapper.builder().build().readTree(read(DASHBOARD));
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.get("expr").stringValue());
			}
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			queries.add(variable.get("definition").stringValue());
		}
		return queries;
	}

	/** The expression of every rule in the alert rules (each is on one line). */
	static List<String> alertExpressions() {
		List<String> expressions = new ArrayList<>();
		Matcher matcher = RULE_EXPR.matcher(read(ALERTS));
		while (matcher.find()) {
			expressions.add(matcher.group(1).trim());
		}
		return expressions;
	}

	static Set<String> alertNames() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = ALERT.matcher(read(ALERTS));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The {@code lethe_…} series the dashboard and the alert rules query. */
	static Set<String> queriedMetrics() {
		Set<String> names = new TreeSet<>();
		List<String> queries = new ArrayList<>(dashboardQueries());
		queries.addAll(alertExpressions());
		for (String query : queries) {
			Matcher matcher = METRIC.matcher(query);
			while (matcher.find()) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	/**
	 * The series names a Prometheus scrape of {@code exposition} can hold: each sample's
	 * name, and for each declared family the names its type gives it (a counter's
	 * {@code _total}, a histogram's {@code _bucket}, {@code _count} and {@code _sum}).
	 */
	static Set<String> exportedSeries(String exposition) {
		Set<String> names = new TreeSet<>();
		for (String line : exposition.split("\n")) {
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.split(" ");
				String family = parts[2];
				switch (parts[3]) {
					case "counter" -> names.add(family.endsWith("_total") ? family : family + "_total");
					case "histogram" -> names.addAll(List.of(family + "_bucket", family + "_count", family + "_sum"));
					case "summary" -> names.addAll(List.of(family, family + "_count", family + "_sum"));
					default -> names.add(family);
				}
			}
			else if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	/**
	 * The promtool that {@code scripts/ensure-promtool.sh} (started by {@code make test})
	 * provides; run here too when it is missing, so a plain Maven build finds it.
	 */
	static Path promtool() {
		Path promtool = ROOT.resolve(".lethe/tools/promtool");
		if (!Files.isExecutable(promtool)) {
			Run setup = run(ROOT, ROOT.resolve("scripts/ensure-promtool.sh").toString());
			if (setup.exit() != 0 || !Files.isExecutable(promtool)) {
				throw new IllegalStateException("scripts/ensure-promtool.sh could not provide promtool: " + setup);
			}
		}
		return promtool;
	}

	static Run run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end: " + output);
			}
			return new Run(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("ops"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No ops/ folder above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	/** What a command printed (stdout and stderr together) and its exit status. */
	record Run(int exit, String output) {

	}

}
