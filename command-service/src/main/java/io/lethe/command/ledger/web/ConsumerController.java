package io.lethe.command.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.IssuedKey;
import io.lethe.command.ledger.ConsumerService;
import io.lethe.command.ledger.DownstreamConsumer;
import io.lethe.command.ledger.LedgerService;
import io.lethe.command.ledger.OverdueAck;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.lethe.problems.TypedBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of the downstream ledger: register, read, change and retire consumers,
 * and see the answers overdue. Under {@code /api/v1/admin}, so operator keys only.
 */
@Tag(name = Tags.CONSUMERS)
@RestController
@RequestMapping("/api/v1/admin")
class ConsumerController {

	private final ConsumerService consumers;

	private final LedgerService ledger;

	private final ConsumerRequests requests;

	ConsumerController(ConsumerService consumers, LedgerService ledger, JsonMapper json, Validator validator) {
		this.consumers = consumers;
		this.ledger = ledger;
		this.requests = new ConsumerRequests(new TypedBodies(json, validator));
	}

	@Operation(operationId = "registerConsumer", summary = "Register a downstream consumer", description = """
			A consumer that holds copies of the given root types and acknowledges their deletions \
			within `ack_deadline` of the purge's start. The answer carries its first consumer key, \
			the only time it is shown.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 409, description = "The name is taken (`consumer-name-taken`).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ConsumerRegistration.class)))
	@PostMapping("/consumers")
	ResponseEntity<RegisteredResponse> register(Caller caller, @RequestBody(required = false) JsonNode json) {
		ConsumerService.Registered registered = this.consumers.register(caller, this.requests.register(json));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new RegisteredResponse(ConsumerResponse.of(registered.consumer()), KeyResponse.of(registered.key())));
	}

	@Operation(operationId = "listConsumers", summary = "List downstream consumers",
			description = "Live consumers by name, then retired ones.")
	@GetMapping("/consumers")
	PageResponse<ConsumerResponse> list(@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		PageResponse<DownstreamConsumer> page = this.consumers.list(Paging.parse(limit, offset));
		return new PageResponse<>(page.data().stream().map(ConsumerResponse::of).toList(), page.meta());
	}

	@Operation(operationId = "getConsumer", summary = "Get a downstream consumer")
	@GetMapping("/consumers/{consumer_id}")
	ConsumerResponse get(@PathVariable("consumer_id") UUID id) {
		return ConsumerResponse.of(this.consumers.get(id));
	}

	@Operation(operationId = "updateConsumer", summary = "Change a downstream consumer", description = """
			Only the fields sent change. Making it optional, or dropping a root type, may complete \
			deletions that waited only for it.""")
	@ProblemResponse(status = 409, description = """
			The name is taken (`consumer-name-taken`) or the consumer is retired (`consumer-retired`).""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ConsumerUpdate.class)))
	@PatchMapping("/consumers/{consumer_id}")
	ConsumerResponse update(Caller caller, @PathVariable("consumer_id") UUID id,
			@RequestBody(required = false) JsonNode json) {
		return ConsumerResponse.of(this.consumers.change(caller, id, this.requests.update(json)));
	}

	@Operation(operationId = "retireConsumer", summary = "Retire a downstream consumer", description = """
			It is never waited for again, and its acknowledgements are refused; deletions that waited \
			only for it complete. Retiring a retired consumer changes nothing.""")
	@DeleteMapping("/consumers/{consumer_id}")
	ConsumerResponse retire(Caller caller, @PathVariable("consumer_id") UUID id) {
		return ConsumerResponse.of(this.consumers.retire(caller, id));
	}

	@Operation(operationId = "issueConsumerKey", summary = "Issue another consumer key", description = """
			A new key for the consumer (a rotation); its other keys keep working. Shown once.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 409, description = "The consumer is retired (`consumer-retired`).")
	@PostMapping("/consumers/{consumer_id}/keys")
	ResponseEntity<KeyResponse> issueKey(Caller caller, @PathVariable("consumer_id") UUID id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(KeyResponse.of(this.consumers.issueKey(caller, id)));
	}

	@Operation(operationId = "listOverdueAcks", summary = "List overdue acknowledgements", description = """
			Required consumers whose answer to a deletion is `failed` (at once), or who have not \
			answered within their deadline of its purge's start (`overdue`), oldest due first.""")
	@GetMapping("/deletions/overdue")
	PageResponse<OverdueResponse> overdue(@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		PageResponse<OverdueAck> page = this.ledger.overdue(Paging.parse(limit, offset));
		return new PageResponse<>(page.data().stream().map(OverdueResponse::of).toList(), page.meta());
	}

	/** A consumer as operators see it; {@code ack_deadline} is ISO-8601. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ConsumerResponse(UUID id, String name, List<String> rootTypes, String ackDeadline, boolean required,
			Instant createdAt, String createdBy, @Schema(types = {
					"string", "null" }, format = "date-time") Instant updatedAt,
			@Schema(types = { "string", "null" }) String updatedBy,
			@Schema(types = { "string", "null" }, format = "date-time",
					description = "When it was retired; null while it is active.") Instant retiredAt,
			@Schema(types = { "string", "null" }) String retiredBy){

		static ConsumerResponse of(DownstreamConsumer c) {
			return new ConsumerResponse(c.id(), c.name(), c.rootTypes(), c.ackDeadline().toString(), c.required(),
					c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.retiredAt(), c.retiredBy());
		}

	}

	/** A consumer key: {@code key} is the secret, shown this once. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record KeyResponse(UUID keyId, String key) {

		static KeyResponse of(IssuedKey key) {
			return new KeyResponse(key.keyId(), key.key());
		}

	}

	/** A consumer just registered, with its first key. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record RegisteredResponse(ConsumerResponse consumer, KeyResponse key) {
	}

	/** One overdue answer. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record OverdueResponse(UUID deletionEventId, UUID orgId, String rootType, UUID rootId, UUID consumerId,
			String consumer, Instant purgeStartedAt, Instant dueAt, String state, @Schema(types = {
					"string", "null" }, format = "date-time",
					description = "When its `failed` answer came; null when it has not answered.") Instant ackedAt){

		static OverdueResponse of(OverdueAck o) {
			return new OverdueResponse(o.deletionId(), o.orgId(), o.rootType(), o.rootId(), o.consumerId(),
					o.consumer(), o.purgeStartedAt(), o.dueAt(), (o.outcome() != null) ? "failed" : "overdue",
					o.ackedAt());
		}

	}

}
