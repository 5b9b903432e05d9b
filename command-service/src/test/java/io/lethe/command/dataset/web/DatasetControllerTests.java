package io.lethe.command.dataset.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.Role;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetPage;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetStatus;
import io.lethe.command.dataset.NewDataset;
import io.lethe.command.encoder.Encoder;
import io.lethe.command.encoder.EncoderCatalog;
import io.lethe.problems.ConflictException;
import io.lethe.problems.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dataset routes' web layer, the service below it stubbed: routes, status codes, the
 * key check, query parameters and problem bodies.
 */
@WebMvcTest(DatasetController.class)
@EnableConfigurationProperties(RequestLimits.class)
class DatasetControllerTests {

	private static final String KEY = "lethe_member_key";

	private static final Caller CALLER = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);

	private static final Encoder MULTIMODAL = new Encoder("multimodal", 512, "multimodal", List.of("image"));

	private static final UUID ID = UUID.fromString("0b7c3f4e-5a52-4d5e-9e57-6a3f4c1d2e10");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private DatasetService datasets;

	@MockitoBean
	private ApiKeyService keys;

	@MockitoBean
	private EncoderCatalog encoders;

	@BeforeEach
	void knowsTheKeyAndTheEncoder() {
		given(this.keys.authenticate(KEY)).willReturn(Optional.of(CALLER));
		given(this.encoders.names()).willReturn(Set.of(MULTIMODAL.name()));
		given(this.encoders.defaultEncoder()).willReturn(MULTIMODAL.name());
		given(this.encoders.find(MULTIMODAL.name())).willReturn(Optional.of(MULTIMODAL));
	}

	@Test
	void aCreateIs201WithTheLocationOfTheNewDataset() throws Exception {
		given(this.datasets.create(eq(CALLER), any())).willReturn(dataset(DatasetStatus.ACTIVE));

		call(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "sports_clips", "add_to_permit": true}""")).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/datasets/" + ID))
			.andExpect(jsonPath("$.id").value(ID.toString()))
			.andExpect(jsonPath("$.status").value("active"))
			.andExpect(jsonPath("$.embeddings[0].name").value("multimodal"));
		verify(this.datasets).create(CALLER, new NewDataset(null, "sports_clips", null, "multimodal",
				List.of("image", "video"), "intelligent", null, true, true, null, null, null));
	}

	@Test
	void aCreateWithoutAKeyIsRefusedBeforeTheServiceIsCalled() throws Exception {
		this.mvc.perform(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"a\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:unauthenticated"))
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"lethe\""));
		verifyNoInteractions(this.datasets);
	}

	@Test
	void anUnknownKeyIsRefusedLikeAMissingOne() throws Exception {
		this.mvc.perform(get("/api/v1/datasets/" + ID).header("x-api-key", "lethe_unknown"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:unauthenticated"));
		verifyNoInteractions(this.datasets);
	}

	@Test
	void anInvalidCreateIsOne422ListingEveryProblem() throws Exception {
		call(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "bad name", "store_preview": "yes", "keyframe_uniform_fps_sampling_rate": "1"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:validation"))
			.andExpect(jsonPath("$.errors[*].loc[1]")
				.value(contains("name", "keyframe_uniform_fps_sampling_rate", "store_preview")))
			.andExpect(
					jsonPath("$.errors[*].type").value(contains("string_pattern_mismatch", "float_type", "bool_type")));
		verifyNoInteractions(this.datasets);
	}

	@Test
	void aBodyThatIsNotJsonIsA400() throws Exception {
		call(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("{name: 'x'}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:malformed-body"));
	}

	@Test
	void aNameTakenByALiveDatasetIsA409NameTaken() throws Exception {
		given(this.datasets.create(eq(CALLER), any())).willThrow(new ConflictException("name-taken",
				"A live dataset named 'clips' already exists in this org.", Map.of("name", "clips")));

		call(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"clips\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:name-taken"))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.name").value("clips"));
	}

	@Test
	void anUnknownDatasetIsA404() throws Exception {
		given(this.datasets.get(CALLER, ID)).willThrow(new NotFoundException("Dataset " + ID));

		call(get("/api/v1/datasets/" + ID)).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:not-found"));
	}

	@Test
	void aMalformedDatasetIdIsA422OnThePath() throws Exception {
		call(get("/api/v1/datasets/not-a-uuid")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].loc").value(contains("path", "dataset_id")))
			.andExpect(jsonPath("$.errors[0].type").value("uuid_parsing"));
	}

	@Test
	void aListingIsTheFirstTwentyActiveDatasetsUnlessAsked() throws Exception {
		given(this.datasets.list(CALLER, Set.of(DatasetStatus.ACTIVE), 20, 0))
			.willReturn(new DatasetPage(List.of(dataset(DatasetStatus.ACTIVE)), 20, 0, 21));

		call(get("/api/v1/datasets")).andExpect(status().isOk())
			.andExpect(jsonPath("$.data", hasSize(1)))
			.andExpect(jsonPath("$.meta.limit").value(20))
			.andExpect(jsonPath("$.meta.total").value(21))
			.andExpect(jsonPath("$.meta.next_offset").value(1));
	}

	@Test
	void statusesMayBeRepeatedOrCommaSeparated() throws Exception {
		Set<DatasetStatus> deleted = Set.of(DatasetStatus.PENDING_DELETION, DatasetStatus.PURGING,
				DatasetStatus.PURGED);
		given(this.datasets.list(CALLER, deleted, 5, 10)).willReturn(new DatasetPage(List.of(), 5, 10, 10));

		call(get("/api/v1/datasets?status=pending_deletion,purging&status=purged&limit=5&offset=10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.meta.next_offset").doesNotExist());
		verify(this.datasets).list(CALLER, deleted, 5, 10);
	}

	@Test
	void pagingOutOfRangeAndAnUnknownStatusAreOne422() throws Exception {
		call(get("/api/v1/datasets?limit=101&offset=-1&status=gone")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].loc[1]").value(contains("status", "limit", "offset")))
			.andExpect(jsonPath("$.errors[*].type").value(contains("enum", "range", "range")));
		verify(this.datasets, never()).list(any(), any(), anyInt(), anyLong());
	}

	@Test
	void aDeleteWaitsTheDefaultGraceOrTheOneAsked() throws Exception {
		given(this.datasets.delete(eq(CALLER), eq(ID), any())).willReturn(dataset(DatasetStatus.PENDING_DELETION));

		call(delete("/api/v1/datasets/" + ID)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("pending_deletion"));
		call(delete("/api/v1/datasets/" + ID + "?grace=0")).andExpect(status().isOk());
		call(delete("/api/v1/datasets/" + ID + "?grace=PT1H")).andExpect(status().isOk());
		verify(this.datasets).delete(CALLER, ID, Duration.ofHours(24));
		verify(this.datasets).delete(CALLER, ID, Duration.ZERO);
		verify(this.datasets).delete(CALLER, ID, Duration.ofHours(1));
	}

	@Test
	void aGraceThatIsNotADurationNegativeOrOverTheMostIsA422() throws Exception {
		call(delete("/api/v1/datasets/" + ID + "?grace=tomorrow")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].type").value("duration_parsing"));
		call(delete("/api/v1/datasets/" + ID + "?grace=-PT1H")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].type").value("greater_than_equal"));
		call(delete("/api/v1/datasets/" + ID + "?grace=P91D")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].loc").value(contains("query", "grace")))
			.andExpect(jsonPath("$.errors[0].type").value("less_than_equal"));
		verifyNoInteractions(this.datasets);
	}

	@Test
	void aPatchOfADatasetThatIsNotActiveIsA409() throws Exception {
		given(this.datasets.update(eq(CALLER), eq(ID), any())).willThrow(new ConflictException("dataset-not-active",
				"Dataset is pending_deletion and cannot be updated.", Map.of("status", "pending_deletion")));

		call(patch("/api/v1/datasets/" + ID).contentType(MediaType.APPLICATION_JSON).content("{\"description\": null}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:dataset-not-active"))
			.andExpect(jsonPath("$.status").value("pending_deletion"));
	}

	@Test
	void aRestoreOnceThePurgeBeganIsA409PurgeStarted() throws Exception {
		given(this.datasets.restore(CALLER, ID)).willThrow(
				new ConflictException("purge-started", "Its purge has begun.", Map.of("dataset_status", "purging")));

		call(post("/api/v1/datasets/" + ID + "/restore")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:purge-started"));
	}

	@Test
	void aMethodTheRouteDoesNotTakeIsA405WithItsOwnType() throws Exception {
		call(put("/api/v1/datasets/" + ID).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:method-not-allowed"));
		verifyNoInteractions(this.datasets);
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + KEY));
	}

	private static Dataset dataset(DatasetStatus status) {
		Instant now = Instant.parse("2025-03-01T12:00:00Z");
		boolean deleted = status != DatasetStatus.ACTIVE;
		return new Dataset(ID, CALLER.orgId(), "sports_clips", null, "multimodal", List.of("image", "video"),
				"intelligent", null, true, true, null, null, null, status, now, CALLER.principal(), now,
				CALLER.principal(), deleted ? now : null, deleted ? CALLER.principal() : null,
				deleted ? now.plus(Duration.ofHours(24)) : null);
	}

}
