package io.lethe.command.admin.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.deletion.ReceiptView;
import io.lethe.command.openapi.Tags;
import io.lethe.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One purge job of any org, with its signed receipt once it has one: what an operator
 * hands over when asked for proof, since a dataset's own deletion status answers only its
 * org's keys.
 */
@Tag(name = Tags.PURGES)
@RestController
class PurgeJobController {

	private final PurgeRecords purges;

	PurgeJobController(PurgeRecords purges) {
		this.purges = purges;
	}

	@Operation(operationId = "getPurgeJob", summary = "Get a purge job and its receipt", description = """
			A purge job of any org by its id: its state, progress per store and, once it has completed, \
			the signed receipt (`body_text` is what the signature covers).""")
	@GetMapping("/api/v1/admin/purges/{job_id}")
	JobDetail job(@PathVariable("job_id") UUID jobId) {
		JobResponse job = this.purges.job(jobId)
			.map(JobResponse::of)
			.orElseThrow(() -> new NotFoundException("Purge job " + jobId));
		return new JobDetail(job, this.purges.receipt(jobId).map(Receipt::of).orElse(null));
	}

	/** A job and its receipt (null until the purge has completed). */
	record JobDetail(JobResponse job, @Schema(types = {
			"object", "null" },
			description = "The signed receipt; null until the purge has completed.") Receipt receipt){
	}

	/** The signed receipt: {@code body} is the JSON that was signed, byte for byte. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Receipt(@Schema(type = "object", description = "The signed JSON, as an object.") @JsonRawValue String body,
			@Schema(description = "The signed JSON, byte for byte: what the signature covers.") String bodyText,
			String signature, String algorithm, String keyId, @Schema(types = {
					"string", "null" },
					description = """
							The receipt as a compact JWS (ES256), checkable by anyone with the keys at \
							`/.well-known/jwks.json`; null for a receipt signed before receipts were JWS.""") String jws){

		static Receipt of(ReceiptView r) {
			return new Receipt(r.body(), r.body(), r.signature(), r.algorithm(), r.keyId(), r.jws());
		}

	}

}
