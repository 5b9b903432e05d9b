package io.lethe.purge.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciler in numbers: orphans found and removed and bytes reclaimed per kind, runs
 * per outcome, and when the last run ended and whether it succeeded. The last-run gauges
 * read {@code purge.reconcile_runs}, so they hold across restarts and for every worker.
 */
@Component
class ReconcileMetrics {

	private final MeterRegistry registry;

	ReconcileMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		for (Kind kind : Kind.values()) {
			found(kind);
			removed(kind);
			reclaimed(kind);
		}
		Gauge.builder("lethe.reconcile.last.run.time", () -> jdbc.sql("""
				select coalesce(extract(epoch from max(completed_at)), 0) from purge.reconcile_runs
				where state in ('completed', 'failed')
				""").query(Double.class).single())
			.description("When the last reconcile run ended (epoch seconds; 0 before the first)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("lethe.reconcile.last.run.success", () -> jdbc.sql("""
				select coalesce((select case when state = 'completed' then 1 else 0 end from purge.reconcile_runs
				                 where state in ('completed', 'failed') order by completed_at desc limit 1), -1)
				""").query(Double.class).single())
			.description("1 when the last reconcile run completed, 0 when it failed, -1 before the first")
			.register(registry);
	}

	void ended(ReconcileReport report, boolean dryRun, boolean completed) {
		for (Kind kind : Kind.values()) {
			increment(found(kind), report.found(kind));
			increment(removed(kind), report.removed(kind));
			increment(reclaimed(kind), report.removedBytes(kind));
		}
		Counter.builder("lethe.reconcile.runs")
			.description("Reconcile runs that ended, by outcome")
			.tag("outcome", completed ? "completed" : "failed")
			.tag("dry_run", String.valueOf(dryRun))
			.register(this.registry)
			.increment();
	}

	private Counter found(Kind kind) {
		return Counter.builder("lethe.reconcile.orphans.found")
			.description("Orphans found by reconcile runs (dry and real)")
			.tag("kind", kind.id())
			.register(this.registry);
	}

	private Counter removed(Kind kind) {
		return Counter.builder("lethe.reconcile.orphans.removed")
			.description("Orphans removed by real reconcile runs")
			.tag("kind", kind.id())
			.register(this.registry);
	}

	private Counter reclaimed(Kind kind) {
		return Counter.builder("lethe.reconcile.reclaimed")
			.description("Bytes of orphans removed by real reconcile runs")
			.baseUnit("bytes")
			.tag("kind", kind.id())
			.register(this.registry);
	}

	private static void increment(Counter counter, long amount) {
		if (amount > 0) {
			counter.increment(amount);
		}
	}

}
