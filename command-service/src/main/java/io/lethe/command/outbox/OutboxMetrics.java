package io.lethe.command.outbox;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's health in numbers: backlog, age of the oldest unpublished event, published
 * and failed batches.
 */
@Component
class OutboxMetrics {

	private final Counter published;

	private final Counter failures;

	private final Timer publishLag;

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.published = Counter.builder("lethe.outbox.published")
			.description("Events published to Kafka")
			.register(registry);
		this.publishLag = Timer.builder("lethe.outbox.publish.lag")
			.description("From a command's commit to the broker's acknowledgement of its event")
			.publishPercentileHistogram()
			.register(registry);
		this.failures = Counter.builder("lethe.outbox.failures")
			.description("Relay batches that failed and will be retried")
			.register(registry);
		Gauge
			.builder("lethe.outbox.backlog",
					() -> jdbc.sql("select count(*) from catalog.outbox where published_at is null")
						.query(Long.class)
						.single())
			.description("Events committed but not yet published")
			.register(registry);
		Gauge.builder("lethe.outbox.lag.seconds", () -> jdbc.sql(
				"select coalesce(extract(epoch from now() - min(created_at)), 0) from catalog.outbox where published_at is null")
			.query(Double.class)
			.single()).description("Age of the oldest unpublished event").baseUnit("seconds").register(registry);
	}

	/** An event the broker acknowledged, {@code lag} after its command committed. */
	void acknowledged(Duration lag) {
		this.publishLag.record(lag);
	}

	void published(int count) {
		if (count > 0) {
			this.published.increment(count);
		}
	}

	void failed() {
		this.failures.increment();
	}

}
