package io.lethe.command.asset.web;

import io.lethe.command.asset.MultipartUploads.UploadedPartInfo;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A stored part of a multipart upload, as the API answers it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PartResponse(int partNumber, long sizeBytes, String etag, String checksum) {

	static PartResponse of(UploadedPartInfo part) {
		return new PartResponse(part.partNumber(), part.sizeBytes(), part.etag(), part.checksum());
	}

}
