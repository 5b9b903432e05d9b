package io.lethe.command.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.audit.AuditLog;
import io.lethe.command.auth.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the purge worker for an orphan reconciliation run: a {@code ReconcileRequested}
 * event through the outbox (the worker runs it and stores its report) and an audit record
 * of who asked for what, in one transaction.
 */
@Service
public class ReconcileService {

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	ReconcileService(ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Requested request(Caller caller, boolean dryRun, UUID org, Duration safetyAge) {
		UUID run = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		String age = (safetyAge != null) ? safetyAge.toString() : null;
		this.events.publishEvent(new ReconcileAsked(eventId, caller.orgId(), run, dryRun, org, age, caller.principal(),
				this.clock.instant()));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("event_id", eventId);
		detail.put("dry_run", dryRun);
		detail.put("org_id", org);
		detail.put("safety_age", age);
		this.audit.succeeded(caller, "reconcile.request", "reconcile-run", run, detail);
		return new Requested(run, eventId);
	}

	/** The run asked for, and the event that carries the request. */
	public record Requested(UUID runId, UUID eventId) {
	}

}
