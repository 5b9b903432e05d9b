package io.lethe.command.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The ledger in numbers: acknowledgements recorded, repeated and refused (by path and
 * reason), and the required answers overdue now ({@code lethe_downstream_acks_overdue},
 * what an alert watches).
 */
@Component
class LedgerMetrics {

	private final MeterRegistry registry;

	LedgerMetrics(MeterRegistry registry, LedgerReads reads) {
		this.registry = registry;
		Gauge.builder("lethe.downstream.acks.overdue", reads::overdueCount)
			.description("Required downstream acknowledgements past their deadline")
			.register(registry);
	}

	void recorded(String via, String outcome) {
		Counter.builder("lethe.downstream.acks")
			.description("Downstream acknowledgements recorded")
			.tag("via", via)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void duplicate(String via) {
		Counter.builder("lethe.downstream.acks.duplicate")
			.description("Acknowledgements that repeated an answer already recorded")
			.tag("via", via)
			.register(this.registry)
			.increment();
	}

	void refused(String via, String reason) {
		Counter.builder("lethe.downstream.acks.refused")
			.description("Acknowledgements refused, by reason")
			.tag("via", via)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
