package io.lethe.command.compat.modelarts.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * ModelArts' answer shapes, with the field names of its response table: the batch's
 * {@code {success, error_code, error_msg, results}} and errors as {@code {error_code,
 * error_msg}}.
 */
final class ModelArtsResponses {

	private ModelArtsResponses() {
	}

	/**
	 * The batch's answer: {@code success} is whether every sample was deleted; when not,
	 * the top-level {@code error_code} is the first failure's, and {@code error_msg} says
	 * how many failed.
	 */
	@Schema(name = "ModelArtsBatchDeleteResponse", requiredProperties = { "success", "results" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Batch(boolean success,
			@JsonProperty("error_code") @Schema(
					description = "The first failure's code; only when `success` is " + "false.") String errorCode,
			@JsonProperty("error_msg") @Schema(description = "How many samples failed, and the first failure's "
					+ "message; only when `success` is false.") String errorMsg,
			@Schema(description = "One per requested sample, in request order.") List<Result> results) {

		static Batch of(List<Result> results) {
			List<Result> failed = results.stream().filter((result) -> !result.success()).toList();
			if (failed.isEmpty()) {
				return new Batch(true, null, null, results);
			}
			return new Batch(false, failed.get(0).errorCode(), failed.size() + " of " + results.size()
					+ " samples could not be deleted: " + failed.get(0).errorMsg(), results);
		}

	}

	/** One sample's result. */
	@Schema(name = "ModelArtsSampleResult", requiredProperties = { "success" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Result(boolean success,
			@JsonProperty("error_code") @Schema(description = "`ModelArts.SAMPLE_NOT_FOUND`, "
					+ "`ModelArts.SOURCE_IN_USE`, `ModelArts.LEGAL_HOLD`, …; only on failure.") String errorCode,
			@JsonProperty("error_msg") @Schema(description = "Only on failure.") String errorMsg) {
	}

	/** ModelArts' error. */
	@Schema(name = "ModelArtsError", requiredProperties = { "error_code", "error_msg" })
	record Error(@JsonProperty("error_code") String errorCode, @JsonProperty("error_msg") String errorMsg) {
	}

}
