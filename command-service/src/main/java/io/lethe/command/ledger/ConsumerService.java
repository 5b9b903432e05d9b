package io.lethe.command.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.audit.AuditLog;
import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.IssuedKey;
import io.lethe.problems.ConflictException;
import io.lethe.problems.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes and retires downstream consumers, each action audited (target type
 * {@code consumer}). A change that lowers what a deletion waits for (a consumer retired,
 * made optional or no longer caring for a root type) may close deletions at once.
 */
@Service
public class ConsumerService {

	private final DownstreamConsumers consumers;

	private final ApiKeyService keys;

	private final LedgerService ledger;

	private final AuditLog audit;

	private final Clock clock;

	ConsumerService(DownstreamConsumers consumers, ApiKeyService keys, LedgerService ledger, AuditLog audit,
			Clock clock) {
		this.consumers = consumers;
		this.keys = keys;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new consumer. */
	public record NewConsumer(String name, List<String> rootTypes, Duration ackDeadline, boolean required) {
	}

	/** What changes; a null field keeps its value. */
	public record ConsumerChange(String name, List<String> rootTypes, Duration ackDeadline, Boolean required) {
	}

	/** A registered consumer and its first key, shown once. */
	public record Registered(DownstreamConsumer consumer, IssuedKey key) {
	}

	@Transactional
	public Registered register(Caller caller, NewConsumer request) {
		Instant now = this.clock.instant();
		DownstreamConsumer consumer = new DownstreamConsumer(UUID.randomUUID(), request.name(),
				List.copyOf(request.rootTypes()), request.ackDeadline(), request.required(), now, caller.principal(),
				now, caller.principal(), null, null);
		if (!this.consumers.insert(consumer)) {
			this.audit.refused(caller, "consumer.register", "consumer", null, "name-taken: " + request.name());
			throw nameTaken(request.name());
		}
		IssuedKey key = this.keys.issueForConsumer(caller.orgId(), "consumer " + request.name(), consumer.id());
		this.audit.succeeded(caller, "consumer.register", "consumer", consumer.id(), describe(consumer));
		return new Registered(consumer, key);
	}

	@Transactional(readOnly = true)
	public PageResponse<DownstreamConsumer> list(Paging paging) {
		return paging.page(this.consumers.page(paging.limit(), paging.offset()), this.consumers.count());
	}

	@Transactional(readOnly = true)
	public DownstreamConsumer get(UUID id) {
		return this.consumers.find(id).orElseThrow(() -> new NotFoundException("Consumer " + id));
	}

	@Transactional
	public DownstreamConsumer change(Caller caller, UUID id, ConsumerChange change) {
		DownstreamConsumer current = this.consumers.lock(id).orElseThrow(() -> new NotFoundException("Consumer " + id));
		if (current.retired()) {
			this.audit.refused(caller, "consumer.change", "consumer", id, "consumer-retired");
			throw new ConflictException("consumer-retired", "Consumer " + current.name() + " is retired.");
		}
		DownstreamConsumer changed = new DownstreamConsumer(id, or(change.name(), current.name()),
				List.copyOf(or(change.rootTypes(), current.rootTypes())),
				or(change.ackDeadline(), current.ackDeadline()), or(change.required(), current.required()),
				current.createdAt(), current.createdBy(), this.clock.instant(), caller.principal(), null, null);
		if (!this.consumers.update(changed)) {
			this.audit.refused(caller, "consumer.change", "consumer", id, "name-taken: " + changed.name());
			throw nameTaken(changed.name());
		}
		this.audit.succeeded(caller, "consumer.change", "consumer", id, describe(changed));
		this.ledger.closeWhatIsDone();
		return changed;
	}

	/** Retires the consumer; retiring a retired consumer changes nothing. */
	@Transactional
	public DownstreamConsumer retire(Caller caller, UUID id) {
		DownstreamConsumer current = this.consumers.lock(id).orElseThrow(() -> new NotFoundException("Consumer " + id));
		if (current.retired()) {
			return current;
		}
		Instant now = this.clock.instant();
		DownstreamConsumer retired = new DownstreamConsumer(id, current.name(), current.rootTypes(),
				current.ackDeadline(), current.required(), current.createdAt(), current.createdBy(), now,
				caller.principal(), now, caller.principal());
		this.consumers.update(retired);
		this.audit.succeeded(caller, "consumer.retire", "consumer", id, Map.of("name", current.name()));
		this.ledger.closeWhatIsDone();
		return retired;
	}

	/** Another key for a live consumer (a rotation: the old keys stay until revoked). */
	@Transactional
	public IssuedKey issueKey(Caller caller, UUID id) {
		DownstreamConsumer consumer = get(id);
		if (consumer.retired()) {
			this.audit.refused(caller, "consumer.key", "consumer", id, "consumer-retired");
			throw new ConflictException("consumer-retired", "Consumer " + consumer.name() + " is retired.");
		}
		IssuedKey key = this.keys.issueForConsumer(caller.orgId(), "consumer " + consumer.name(), id);
		this.audit.succeeded(caller, "consumer.key", "consumer", id, Map.of("key_id", key.keyId().toString()));
		return key;
	}

	private static ConflictException nameTaken(String name) {
		return new ConflictException("consumer-name-taken", "A consumer named " + name + " is registered already.");
	}

	private static Map<String, Object> describe(DownstreamConsumer c) {
		return Map.of("name", c.name(), "root_types", c.rootTypes(), "ack_deadline", c.ackDeadline().toString(),
				"required", c.required());
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
