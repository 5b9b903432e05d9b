package io.lethe.command.openapi;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The RFC 9457 problem bodies of the native and operator APIs, as documented schemas
 * only: the service writes Spring's {@code ProblemDetail} and {@code FieldError}, whose
 * members these records name.
 */
final class ProblemSchemas {

	private ProblemSchemas() {
	}

	@Schema(name = "Problem", description = """
			An RFC 9457 problem. Branch on `type` (a stable `urn:lethe:problem:…`), never on \
			`title` or `detail`; some problems carry extra members (a 409 `asset-referenced` \
			its `references`, a 409 `legal-hold` its `dataset_id` and `datasets`).""",
			additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	record Problem(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "urn:lethe:problem:not-found") URI type,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Not Found") String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "404") int status,
			@Schema(description = "What happened, for a person to read.") String detail,
			@Schema(description = "The path of the request (a URI reference, relative to the service).",
					format = "uri-reference",
					example = "/api/v1/datasets/0b7c2f6e-3b8e-4f1a-9d2c-5a6e7f8091a2") URI instance) {
	}

	@Schema(name = "ValidationProblem", description = """
			A 422 problem (`urn:lethe:problem:validation`) that lists every invalid input \
			of the request at once.""", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	record ValidationProblem(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "urn:lethe:problem:validation") URI type,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Unprocessable Entity") String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "422") int status, String detail,
			@Schema(format = "uri-reference") URI instance,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InputError> errors) {
	}

	@Schema(name = "InputError", description = "One invalid input of a request.")
	record InputError(@ArraySchema(schema = @Schema(types = {
			"string", "integer" }),
			arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
					Where: `["body", field]` (with an index for an element of a list), \
					`["query", name]`, `["path", name]` or `["header", name]`.""",
					example = "[\"body\", \"name\"]")) List<Object> loc,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					example = "String should match pattern '^[A-Za-z0-9_]+$'") String msg,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A stable machine-readable kind.",
					example = "string_pattern_mismatch") String type){
	}

}
