package io.lethe.command.dataset.web;

import java.util.List;
import java.util.Set;

import io.lethe.problems.TypedBodies;
import io.lethe.command.dataset.Change;
import io.lethe.command.dataset.DatasetChanges;
import io.lethe.command.encoder.EncoderCatalog;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** A PATCH changes only what it sends, and null clears only what may be empty. */
class DatasetRequestsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TypedBodies bodies = new TypedBodies(JSON, Validation.buildDefaultValidatorFactory().getValidator());

	private final DatasetRequests requests = new DatasetRequests(encoders());

	@Test
	void aPatchChangesOnlyTheFieldsItSends() {
		DatasetChanges changes = update("{\"description\": \"Updated\", \"store_preview\": false}");

		assertThat(changes.description()).isEqualTo(Change.to("Updated"));
		assertThat(changes.storePreview()).isEqualTo(Change.to(false));
		assertThat(List.of(changes.name(), changes.allowedAssetTypes(), changes.keyframeSamplingMethod(),
				changes.keyframeUniformFpsSamplingRate(), changes.storeOriginal(), changes.metadataFieldsToIndex(),
				changes.metadataFieldsToEmbed(), changes.datasetConfig()))
			.allMatch((change) -> !change.present());
	}

	@Test
	void aNullInAPatchClearsAFieldThatMayBeEmpty() {
		DatasetChanges changes = update("""
				{"description": null, "keyframe_uniform_fps_sampling_rate": null, "metadata_fields_to_index": null,
				 "dataset_config": null}""");

		assertThat(List.of(changes.description(), changes.keyframeUniformFpsSamplingRate(),
				changes.metadataFieldsToIndex(), changes.datasetConfig()))
			.allMatch((change) -> change.present() && change.value() == null);
	}

	@Test
	void aNullInAPatchIsRefusedForAFieldThatCannotBeEmpty() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class, () -> update("""
				{"name": null, "allowed_asset_types": null, "keyframe_sampling_method": null,
				 "store_original": null, "store_preview": null}"""));

		assertThat(refusal.errors()).extracting((error) -> error.loc().get(1), FieldError::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "missing"),
					org.assertj.core.groups.Tuple.tuple("allowed_asset_types", "too_short"),
					org.assertj.core.groups.Tuple.tuple("keyframe_sampling_method", "null_not_allowed"),
					org.assertj.core.groups.Tuple.tuple("store_original", "null_not_allowed"),
					org.assertj.core.groups.Tuple.tuple("store_preview", "null_not_allowed"));
	}

	@Test
	void aPatchMayNotNameTheEncoderEvenUnchanged() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
				() -> update("{\"encoder_name\": \"multimodal\"}"));

		assertThat(refusal.errors()).extracting(FieldError::type).containsExactly("immutable");
	}

	@Test
	void aPatchOfWrongTypesAndSizesListsEveryProblemInFieldOrder() {
		InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class, () -> update("""
				{"store_original": "true", "name": 5, "keyframe_uniform_fps_sampling_rate": "1",
				 "metadata_fields_to_index": ["title", 2, ""], "description": true}"""));

		assertThat(refusal.errors()).containsExactly(
				FieldError.body("name", "Input should be a valid string", "string_type"),
				FieldError.body("description", "Input should be a valid string", "string_type"),
				FieldError.body("keyframe_uniform_fps_sampling_rate", "Input should be a valid number", "float_type"),
				FieldError.body("store_original", "Input should be a valid boolean", "bool_type"),
				new FieldError(List.of("body", "metadata_fields_to_index", 1), "Input should be a valid string",
						"string_type"),
				new FieldError(List.of("body", "metadata_fields_to_index", 2),
						"String should have 1 to 255 characters and no NUL", "string_length"));
	}

	@Test
	void aPatchWithinTheLimitsIsReadAsSent() {
		DatasetChanges changes = update("""
				{"name": "clips_2", "keyframe_uniform_fps_sampling_rate": 5, "allowed_asset_types": ["video", "video"],
				 "dataset_config": {"a": [1, "x"]}}""");

		assertThat(changes.name()).isEqualTo(Change.to("clips_2"));
		assertThat(changes.keyframeUniformFpsSamplingRate()).isEqualTo(Change.to(5.0));
		assertThat(changes.allowedAssetTypes()).isEqualTo(Change.to(List.of("video")));
		assertThat(changes.datasetConfig()).isEqualTo(Change.to("{\"a\":[1,\"x\"]}"));
	}

	private DatasetChanges update(String body) {
		return this.requests.update(this.bodies.read(JSON.readTree(body), DatasetUpdate.class));
	}

	private static EncoderCatalog encoders() {
		EncoderCatalog encoders = mock(EncoderCatalog.class);
		given(encoders.names()).willReturn(Set.of("multimodal"));
		given(encoders.defaultEncoder()).willReturn("multimodal");
		return encoders;
	}

}
