package io.lethe.command.compat.subworkflow.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Subworkflow's envelope, {@code {success, total, data}}, with its camelCase field names
 * and epoch-millisecond times as its reference page lists them.
 */
@Schema(name = "SubworkflowDatasetEnvelope", requiredProperties = { "success", "total", "data" })
record SubworkflowResponse(boolean success, int total, Data data) {

	static SubworkflowResponse of(Data data) {
		return new SubworkflowResponse(true, 1, data);
	}

	/** The expired dataset. */
	@Schema(name = "SubworkflowDataset", requiredProperties = { "id", "workspaceId", "type", "fileName", "fileExt",
			"fileSize", "itemCount", "mimeType", "createdAt", "updatedAt", "expiresAt", "share" })
	record Data(String id, String workspaceId, @Schema(allowableValues = {
			"doc", "audio", "video", "image" }) String type, String fileName,
			@Schema(description = "The extension of what the dataset holds, from its content type; empty when "
					+ "unknown.") String fileExt,
			@Schema(description = "Bytes of the dataset's sources.") long fileSize, long itemCount,
			@Schema(types = { "string", "null" }) String mimeType,
			@Schema(types = { "integer", "null" }, format = "int64",
					description = "Epoch milliseconds.") Long createdAt,
			@Schema(types = { "integer", "null" }, format = "int64",
					description = "Epoch milliseconds.") Long updatedAt,
			@Schema(types = { "integer", "null" }, format = "int64",
					description = "Epoch milliseconds: now, once deleted.") Long expiresAt,
			@Schema(types = { "object", "null" }, description = "Always null: the delete revoked every link, and "
					+ "no token is stored to show.") Object share){
	}

	/** Subworkflow's error envelope. */
	@Schema(name = "SubworkflowError", requiredProperties = { "success", "error" })
	record Error(@Schema(description = "Always false.") boolean success, String error) {

		static Error of(String message) {
			return new Error(false, message);
		}

	}

}
