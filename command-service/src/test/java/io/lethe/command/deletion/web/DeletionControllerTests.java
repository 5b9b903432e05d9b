package io.lethe.command.deletion.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.Role;
import io.lethe.command.deletion.SampleDeletionService;
import io.lethe.command.deletion.SampleDeletionService.SampleResult;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The samples delete route's web layer, the deletion service stubbed: the batch passed
 * on, its result, and a malformed batch refused before the service is called.
 */
@WebMvcTest(DeletionController.class)
@EnableConfigurationProperties(RequestLimits.class)
class DeletionControllerTests {

	private static final String KEY = "lethe_member_key";

	private static final Caller CALLER = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);

	private static final UUID DATASET = UUID.fromString("7a2b9c4d-1e3f-4a5b-8c6d-0e1f2a3b4c5d");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SampleDeletionService samples;

	@MockitoBean
	private ApiKeyService keys;

	@BeforeEach
	void knowsTheKey() {
		given(this.keys.authenticate(KEY)).willReturn(Optional.of(CALLER));
	}

	@Test
	void aSamplesBatchIsPassedOnAndSucceedsOnlyIfEverySampleDid() throws Exception {
		UUID batch = UUID.randomUUID();
		given(this.samples.deleteBatch(CALLER, DATASET, List.of("a", "b"), true, false)).willReturn(
				new SampleDeletionService.Batch(
						List.of(new SampleResult("a", true, null, null),
								new SampleResult("b", false, "SOURCE_IN_USE", "Another item uses the source.")),
						batch));

		call(post("/api/v1/datasets/" + DATASET + "/samples/delete").contentType(MediaType.APPLICATION_JSON)
			.content("{\"samples\": [\"a\", \"b\"], \"delete_source\": true}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(false))
			.andExpect(jsonPath("$.results[*].sample_id").value(contains("a", "b")))
			.andExpect(jsonPath("$.results[1].error_code").value("SOURCE_IN_USE"))
			.andExpect(jsonPath("$.deletion_event_id").value(batch.toString()));
	}

	@Test
	void anEmptySamplesBatchIsA422BeforeTheServiceIsCalled() throws Exception {
		call(post("/api/v1/datasets/" + DATASET + "/samples/delete").contentType(MediaType.APPLICATION_JSON)
			.content("{\"samples\": [], \"force\": \"no\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].loc[1]").value(contains("samples", "force")));
		verifyNoInteractions(this.samples);
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + KEY));
	}

}
