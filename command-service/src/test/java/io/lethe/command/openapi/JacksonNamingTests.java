package io.lethe.command.openapi;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import static org.assertj.core.api.Assertions.assertThat;

class JacksonNamingTests {

	@Test
	void aRecordNamedSnakeCaseByJackson3IsDocumentedWithTheNamesItIsWrittenWith() {
		ModelConverters converters = new ModelConverters(true);
		converters.addConverter(new JacksonNaming());

		Map<String, Schema> schemas = converters.readAll(Sent.class);

		assertThat(schemas.get("Sent").getProperties()).containsOnlyKeys("created_dt", "item_count", "inner");
		assertThat(schemas.get("Inner").getProperties()).containsOnlyKeys("deletedBy");
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Sent(String createdDt, long itemCount, Inner inner) {
	}

	/** Without a naming strategy, Jackson writes the names as they are. */
	record Inner(String deletedBy) {
	}

}
