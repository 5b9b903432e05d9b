package io.lethe.command.ledger.web;

import java.time.Instant;
import java.util.UUID;

import io.lethe.command.auth.Caller;
import io.lethe.command.ledger.LedgerService;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.lethe.problems.ForbiddenException;
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

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A downstream consumer's answer to a deletion, with its own consumer key (the key says
 * which consumer answers). The same rules as an ack on {@code lethe.deletion-acks}.
 */
@Tag(name = Tags.ACKNOWLEDGEMENTS)
@RestController
class AckController {

	private final LedgerService ledger;

	private final ConsumerRequests requests;

	AckController(LedgerService ledger, JsonMapper json, Validator validator) {
		this.ledger = ledger;
		this.requests = new ConsumerRequests(new TypedBodies(json, validator));
	}

	@Operation(operationId = "acknowledgeDeletion", summary = "Acknowledge a deletion", description = """
			The consumer's answer to the root's deletion (`deleted`, `nothing_held` or `failed`), once \
			its purge has begun (`PurgeStarted`). Idempotent: once `deleted` or `nothing_held` is \
			recorded, a repeat answers the recorded ack with `duplicate: true`; a `failed` is answered \
			later by `deleted`.""")
	@ProblemResponse(status = 403, description = """
			Not a consumer key (`consumer-key-required`), or its consumer is retired \
			(`consumer-retired`).""")
	@ProblemResponse(status = 404, description = "No deletion of that root is known.")
	@ProblemResponse(status = 409, description = """
			The deletion was cancelled by a restore (`deletion-cancelled`), its purge has not begun \
			(`purge-not-begun`), or the consumer is not registered for the root type \
			(`root-type-not-registered`).""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = AckCreate.class)))
	@PostMapping("/api/v1/deletions/{root_type}/{root_id}/acks")
	AckResponse acknowledge(Caller caller, @PathVariable("root_type") String rootType,
			@PathVariable("root_id") UUID rootId, @RequestBody(required = false) JsonNode json) {
		if (!caller.isConsumer()) {
			throw new ForbiddenException("consumer-key-required",
					"Acknowledgements come from a downstream consumer's own key.");
		}
		LedgerService.Ack ack = this.requests.ack(rootType, rootId, json);
		return AckResponse.of(this.ledger.acknowledge(caller.consumerId(), ack));
	}

	/** The answer recorded for this consumer and deletion. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AckResponse(String consumer, UUID deletionEventId, String rootType, UUID rootId, String outcome,
			@Schema(types = {
					"string", "null" }) String detail,
			@Schema(types = { "integer", "null" }, format = "int64") Long itemsDeleted, Instant ackedAt,
			boolean duplicate){

		static AckResponse of(LedgerService.Recorded r) {
			return new AckResponse(r.consumer(), r.deletionEventId(), r.rootType(), r.rootId(), r.outcome(), r.detail(),
					r.itemsDeleted(), r.ackedAt(), r.duplicate());
		}

	}

}
