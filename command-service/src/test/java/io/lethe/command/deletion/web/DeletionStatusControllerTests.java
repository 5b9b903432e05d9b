package io.lethe.command.deletion.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.asset.AssetService;
import io.lethe.command.asset.AssetStatus;
import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.Role;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetStatus;
import io.lethe.command.dataset.LegalHold;
import io.lethe.command.dataset.LegalHolds;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.deletion.ReceiptView;
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

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What {@code GET …/deletion} makes of the catalog's dataset or asset and the purge
 * records, all stubbed: the state a client polls for, its progress and its receipt.
 */
@WebMvcTest(DeletionStatusController.class)
@EnableConfigurationProperties(RequestLimits.class)
class DeletionStatusControllerTests {

	private static final String KEY = "lethe_member_key";

	private static final Caller CALLER = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);

	private static final String OPERATOR_KEY = "lethe_operator_key";

	private static final Caller OPERATOR = new Caller(CALLER.orgId(), UUID.randomUUID(), Role.OPERATOR);

	private static final UUID ID = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

	private static final UUID JOB = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

	private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");

	private static final String RECEIPT = "{\"root_id\":\"" + ID + "\",\"vectors\":12}";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private DatasetService datasets;

	@MockitoBean
	private LegalHolds holds;

	@MockitoBean
	private AssetService assets;

	@MockitoBean
	private PurgeRecords purges;

	/** No consumers: the downstream list is empty. */
	@MockitoBean
	private DownstreamLedger ledger;

	@MockitoBean
	private ApiKeyService keys;

	@BeforeEach
	void knowsTheKey() {
		given(this.keys.authenticate(KEY)).willReturn(Optional.of(CALLER));
	}

	@Test
	void aStatusWithoutAKeyIsRefusedBeforeAnythingIsRead() throws Exception {
		this.mvc.perform(get("/api/v1/datasets/" + ID + "/deletion"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:unauthenticated"));
		verifyNoInteractions(this.datasets, this.purges);
	}

	@Test
	void aDatasetWaitingForItsGraceIsPendingWithNoProgressYet() throws Exception {
		given(this.datasets.get(CALLER, ID)).willReturn(dataset(DatasetStatus.PENDING_DELETION));
		given(this.holds.find(ID)).willReturn(Optional.of(new LegalHold("litigation", AT, "operator")));

		poll("/api/v1/datasets/" + ID + "/deletion").andExpect(status().isOk())
			.andExpect(jsonPath("$.dataset_id").value(ID.toString()))
			.andExpect(jsonPath("$.state").value("pending_deletion"))
			.andExpect(jsonPath("$.expires_at").value("2025-03-02T12:00:00Z"))
			.andExpect(jsonPath("$.legal_hold").value(true))
			.andExpect(jsonPath("$.job").doesNotExist())
			.andExpect(jsonPath("$.progress.vectors.deleted").value(0))
			.andExpect(jsonPath("$.receipt").doesNotExist());
	}

	@Test
	void aPurgedDatasetShowsItsReceiptAsTheJsonThatWasSigned() throws Exception {
		given(this.datasets.get(CALLER, ID)).willReturn(dataset(DatasetStatus.PURGED));
		given(this.purges.job("dataset", ID)).willReturn(Optional.of(job("dataset", ID, "completed")));
		given(this.purges.receipt(JOB))
			.willReturn(Optional.of(new ReceiptView(RECEIPT, "c2ln", "ES256", "k1", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln")));

		poll("/api/v1/datasets/" + ID + "/deletion").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("purged"))
			.andExpect(jsonPath("$.job.id").value(JOB.toString()))
			.andExpect(jsonPath("$.progress.vectors.deleted").value(12))
			.andExpect(jsonPath("$.progress.vectors.total").value(12))
			.andExpect(jsonPath("$.receipt.body.vectors").value(12))
			.andExpect(jsonPath("$.receipt.body_text").value(RECEIPT))
			.andExpect(jsonPath("$.receipt.key_id").value("k1"))
			.andExpect(jsonPath("$.receipt.jws").value("eyJhbGciOiJFUzI1NiJ9.e30.c2ln"));
	}

	@Test
	void aPurgedDatasetWhoseReceiptHasNotArrivedIsStillPurging() throws Exception {
		given(this.datasets.get(CALLER, ID)).willReturn(dataset(DatasetStatus.PURGED));
		given(this.purges.job("dataset", ID)).willReturn(Optional.of(job("dataset", ID, "completed")));

		poll("/api/v1/datasets/" + ID + "/deletion").andExpect(jsonPath("$.state").value("purging"))
			.andExpect(jsonPath("$.receipt").doesNotExist());
	}

	@Test
	void aFailedPurgeJobMakesTheStateFailedAndKeepsItsErrorTextForOperators() throws Exception {
		given(this.datasets.get(CALLER, ID)).willReturn(dataset(DatasetStatus.PURGING));
		given(this.datasets.get(OPERATOR, ID)).willReturn(dataset(DatasetStatus.PURGING));
		given(this.purges.job("dataset", ID)).willReturn(Optional.of(job("dataset", ID, "failed")));
		given(this.keys.authenticate(OPERATOR_KEY)).willReturn(Optional.of(OPERATOR));

		poll("/api/v1/datasets/" + ID + "/deletion").andExpect(jsonPath("$.state").value("failed"))
			.andExpect(jsonPath("$.job.step").value("objects"))
			.andExpect(jsonPath("$.job.last_error")
				.value("The purge hit an error; an operator key can read it and retry the job."));
		this.mvc.perform(get("/api/v1/datasets/" + ID + "/deletion").header("x-api-key", OPERATOR_KEY))
			.andExpect(jsonPath("$.state").value("failed"))
			.andExpect(jsonPath("$.job.last_error").value("store unavailable"));
	}

	@Test
	void anUnknownDatasetIsA404() throws Exception {
		given(this.datasets.get(CALLER, ID)).willThrow(new NotFoundException("Dataset " + ID));

		poll("/api/v1/datasets/" + ID + "/deletion").andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:not-found"));
	}

	@Test
	void aLiveAssetIsActive() throws Exception {
		given(this.assets.status(CALLER, ID)).willReturn(Optional.of(new AssetStatus("ready", null, null, false)));

		poll("/api/v1/assets/" + ID + "/deletion").andExpect(status().isOk())
			.andExpect(jsonPath("$.asset_id").value(ID.toString()))
			.andExpect(jsonPath("$.state").value("active"));
	}

	@Test
	void anAssetWhoseRowThePurgeRemovedAnswersFromItsJob() throws Exception {
		given(this.purges.jobPurgingAsset(CALLER.orgId(), ID)).willReturn(Optional.of(job("asset", ID, "completed")));
		given(this.purges.receipt(JOB))
			.willReturn(Optional.of(new ReceiptView(RECEIPT, "c2ln", "HmacSHA256", "k1", null)));

		poll("/api/v1/assets/" + ID + "/deletion").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("purged"))
			.andExpect(jsonPath("$.requested_by").value(CALLER.principal()))
			.andExpect(jsonPath("$.requested_at").value("2025-03-01T12:00:00Z"));
	}

	@Test
	void anAssetWhoseRowIsGoneBeforeTheWorkerReportedItsJobIsPurging() throws Exception {
		given(this.assets.status(CALLER, ID))
			.willReturn(Optional.of(new AssetStatus("deleted", AT, CALLER.principal(), true)));

		poll("/api/v1/assets/" + ID + "/deletion").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("purging"))
			.andExpect(jsonPath("$.requested_by").value(CALLER.principal()))
			.andExpect(jsonPath("$.job").doesNotExist());
	}

	@Test
	void aCompletedAssetPurgeWhoseReceiptHasNotArrivedIsStillPurging() throws Exception {
		given(this.purges.jobPurgingAsset(CALLER.orgId(), ID)).willReturn(Optional.of(job("asset", ID, "completed")));

		poll("/api/v1/assets/" + ID + "/deletion").andExpect(jsonPath("$.state").value("purging"))
			.andExpect(jsonPath("$.receipt").doesNotExist());
	}

	@Test
	void anAssetNeitherKnownNorBeingPurgedIsA404() throws Exception {
		poll("/api/v1/assets/" + ID + "/deletion").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:not-found"));
	}

	private ResultActions poll(String path) throws Exception {
		return this.mvc.perform(get(path).header("x-api-key", KEY));
	}

	private static Dataset dataset(DatasetStatus status) {
		return new Dataset(ID, CALLER.orgId(), "clips", null, "multimodal", List.of("image"), "intelligent", null, true,
				true, null, null, null, status, AT, CALLER.principal(), AT, CALLER.principal(), AT, CALLER.principal(),
				AT.plus(Duration.ofDays(1)));
	}

	private static PurgeJobView job(String rootType, UUID rootId, String state) {
		boolean failed = "failed".equals(state);
		return new PurgeJobView(JOB, rootType, rootId, CALLER.orgId(), state, failed ? "objects" : "done", 1,
				failed ? "store unavailable" : null, AT, AT, CALLER.principal(), AT.plusSeconds(60),
				failed ? null : AT.plusSeconds(90), 12, 12L, 3, 3L, 5, 5L);
	}

}
