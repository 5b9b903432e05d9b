package io.lethe.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files users import from {@code ops/} are checked with Prometheus' own
 * {@code promtool}: the alert rules parse, each alert fires on the synthetic series of
 * its unit test and none on a healthy system, and every dashboard query parses. That each
 * metric they name is exported is {@link OperatorSystemTests}' job, against the running
 * services.
 */
class OpsFilesTests {

	@Test
	void theAlertRulesParse() {
		OpsFiles.Run check = OpsFiles.run(OpsFiles.ROOT, OpsFiles.promtool().toString(), "check", "rules",
				OpsFiles.ALERTS.toString());

		assertThat(check.exit()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: " + OpsFiles.alertNames().size() + " rules found");
	}

	@Test
	void eachAlertFiresOnItsSyntheticSeriesAndNoneOnAHealthySystem() {
		OpsFiles.Run test = OpsFiles.run(OpsFiles.ALERT_TESTS.getParent(), OpsFiles.promtool().toString(), "test",
				"rules", OpsFiles.ALERT_TESTS.getFileName().toString());

		assertThat(test.exit()).as(test.output()).isZero();
		String tests = OpsFiles.read(OpsFiles.ALERT_TESTS);
		assertThat(OpsFiles.alertNames()).hasSize(6).allSatisfy((alert) -> {
			assertThat(tests).as("a test where %s fires", alert)
				.containsPattern(
						Pattern.compile("alertname: " + alert + "\\s*\\n\\s*exp_alerts:\\s*\\n\\s*- exp_labels"));
			assertThat(tests).as("the healthy system's test covers %s", alert)
				.contains("alertname: " + alert + ", exp_alerts: []");
		});
	}

	@Test
	void everyDashboardQueryParses(@TempDir Path dir) throws Exception {
		List<String> queries = OpsFiles.dashboardQueries();
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
		JsonMapper json = JsonMapper.builder().build();
		for (int i = 0; i < queries.size(); i++) {
			// Grafana's variables, as Grafana would fill them in; a variable's
			// label_values
			// query is checked as its series selector
			String query = queries.get(i)
				.replace("$__rate_interval", "5m")
				.replace("$root_type", ".*")
				.replaceFirst("^label_values\\((.+),\\s*\\w+\\)$", "$1");
			rules.append("      - record: dashboard:query_")
				.append(i)
				.append("\n        expr: ")
				.append(json.writeValueAsString(query))
				.append('\n');
		}
		Path file = Files.writeString(dir.resolve("dashboard-queries.yml"), rules);

		OpsFiles.Run check = OpsFiles.run(dir, OpsFiles.promtool().toString(), "check", "rules", file.toString());

		assertThat(queries).hasSizeGreaterThan(20);
		assertThat(check.exit()).as(check.output()).isZero();
	}

}
