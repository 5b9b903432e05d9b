package io.lethe.command.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A page of a listing: {@code {data: [...], meta: {limit, offset, total, next_offset}}}.
 */
public record PageResponse<T>(List<T> data, Meta meta) {

	/** Where this page sits in the whole listing. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Meta(int limit, long offset, long total, @Schema(types = {
			"integer", "null" }, format = "int64") Long nextOffset){
	}

}
