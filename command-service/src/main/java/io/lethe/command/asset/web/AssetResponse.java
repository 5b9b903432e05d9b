package io.lethe.command.asset.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.command.asset.Asset;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An asset as the API shows it; {@code metadata} is the user's object, as stored. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetResponse(UUID id, String filename, String contentType, String assetType, @Schema(types = {
		"integer", "null" }, format = "int64") Long sizeBytes, @Schema(types = { "string", "null" }) String checksum,
		String status,
		@Schema(types = "object", description = "The user's metadata object, as stored.") @JsonRawValue String metadata,
		@Schema(types = { "string", "null" }, format = "uuid") UUID ownerDatasetId, Instant createdAt, String createdBy,
		@Schema(types = { "string", "null" }, format = "date-time") Instant updatedAt,
		@Schema(types = { "string", "null" }) String updatedBy){

	public static AssetResponse of(Asset a) {
		return new AssetResponse(a.id(), a.filename(), a.contentType(), a.assetType().value(), a.sizeBytes(),
				a.checksum(), a.status(), a.metadata(), a.ownerDatasetId(), a.createdAt(), a.createdBy(), a.updatedAt(),
				a.updatedBy());
	}

}
