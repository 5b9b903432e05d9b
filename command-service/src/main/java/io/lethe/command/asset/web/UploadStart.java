package io.lethe.command.asset.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /api/v1/assets/uploads}. The metadata's keys and values are
 * checked as every asset's are ({@code AssetRequests}).
 */
@Schema(name = "UploadStart", description = "A large file to send in parts; unknown fields are ignored.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UploadStart(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
		The file's name; its last path segment is kept, without control characters, at most \
		255 characters.""", example = "clip.mp4") @NotNull(message = "Field required") String filename,
		@Schema(description = "Its media type (default `application/octet-stream`).",
				example = "video/mp4") String contentType,
		@Schema(allowableValues = {
				"audio", "document", "image", "video" },
				description = "Default: what the content type implies.") String assetType,
		@Schema(types = { "object", "null" }, implementation = Object.class, description = """
				A flat object of at most 100 keys, each value a string (at most 4,096 characters), a \
				number or a boolean.""") ObjectNode metadata){
}
