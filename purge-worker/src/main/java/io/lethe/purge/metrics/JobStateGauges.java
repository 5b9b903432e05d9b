package io.lethe.purge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code lethe.purge.jobs{state=...}}: how many purge jobs are in each state, all workers
 * together (read from the jobs table, at most once every few seconds however often it is
 * scraped). A failed count above zero is what operators alarm on.
 */
@Component
class JobStateGauges {

	private static final Logger logger = LoggerFactory.getLogger(JobStateGauges.class);

	static final List<String> STATES = List.of("scheduled", "running", "completed", "failed", "cancelled");

	private static final Duration FRESH = Duration.ofSeconds(2);

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	JobStateGauges(MeterRegistry registry, JdbcClient jdbc) {
		this.jdbc = jdbc;
		for (String state : STATES) {
			Gauge.builder("lethe.purge.jobs", () -> count(state))
				.description("Purge jobs by state")
				.tag("state", state)
				.register(registry);
		}
		Gauge.builder("lethe.purge.jobs.overdue", () -> count("overdue"))
			.description("Purge jobs more than a minute late: scheduled ones past their run time, running ones "
					+ "past their lease that no worker took over")
			.register(registry);
	}

	private double count(String state) {
		Snapshot current = this.snapshot;
		if (current == null || current.stale()) {
			current = refresh();
		}
		Long value = current.counts().get(state);
		return (value != null) ? value : (current.counts().isEmpty() ? Double.NaN : 0);
	}

	private synchronized Snapshot refresh() {
		if (this.snapshot != null && !this.snapshot.stale()) {
			return this.snapshot;
		}
		try {
			Map<String, Long> counts = this.jdbc.sql("""
					select state, count(*) as n from purge.jobs group by state
					union all
					select 'overdue', count(*) from purge.jobs
					where (state = 'scheduled' and run_at < now() - interval '1 minute')
					   or (state = 'running' and lease_expires_at < now() - interval '1 minute')
					""")
				.query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n")))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			this.snapshot = new Snapshot(System.nanoTime(), counts);
		}
		catch (RuntimeException ex) {
			// An unreachable database shows as missing values (NaN), not as zero jobs.
			logger.warn("Could not count purge jobs by state: {}", ex.getMessage());
			this.snapshot = new Snapshot(System.nanoTime(), Map.of());
		}
		return this.snapshot;
	}

	private record Snapshot(long takenAt, Map<String, Long> counts) {

		boolean stale() {
			return System.nanoTime() - this.takenAt > FRESH.toNanos();
		}

	}

}
