package io.lethe.command.asset.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.auth.ApiKeyService;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.Role;
import io.lethe.command.asset.AssetDeletions;
import io.lethe.command.asset.AssetDeletions.DeletedAsset;
import io.lethe.command.asset.AssetDeletions.Reference;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The asset delete route's web layer, the deletion port stubbed: the key check, the
 * {@code force} and {@code cascade} flags, and refusals as problem bodies.
 */
@WebMvcTest(AssetDeletionController.class)
@EnableConfigurationProperties(RequestLimits.class)
class AssetDeletionControllerTests {

	private static final String KEY = "lethe_member_key";

	private static final Caller CALLER = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);

	private static final UUID ASSET = UUID.fromString("5d1e0c1a-8f7b-4a43-9d8e-2b7f3c9a6e01");

	private static final UUID DATASET = UUID.fromString("7a2b9c4d-1e3f-4a5b-8c6d-0e1f2a3b4c5d");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AssetDeletions assets;

	@MockitoBean
	private ApiKeyService keys;

	@BeforeEach
	void knowsTheKey() {
		given(this.keys.authenticate(KEY)).willReturn(Optional.of(CALLER));
	}

	@Test
	void aDeleteWithoutAKeyIsRefusedBeforeTheServiceIsCalled() throws Exception {
		this.mvc.perform(delete("/api/v1/assets/" + ASSET + "?force=true&cascade=true"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:unauthenticated"));
		verifyNoInteractions(this.assets);
	}

	@Test
	void aPlainDeleteAsksForNeitherForceNorCascade() throws Exception {
		given(this.assets.deleteAsset(CALLER, ASSET, false, false))
			.willReturn(new DeletedAsset(ASSET, List.of(), 0, false));

		call(delete("/api/v1/assets/" + ASSET)).andExpect(status().isOk())
			.andExpect(jsonPath("$.asset_id").value(ASSET.toString()))
			.andExpect(jsonPath("$.status").value("deleted"))
			.andExpect(jsonPath("$.references").isEmpty())
			.andExpect(jsonPath("$.cascade").value(false));
		verify(this.assets).deleteAsset(CALLER, ASSET, false, false);
	}

	@Test
	void forceAndCascadeAreReadInAnyCaseAndTheItemsTakenAlongListed() throws Exception {
		UUID item = UUID.randomUUID();
		UUID kept = UUID.randomUUID();
		given(this.assets.deleteAsset(CALLER, ASSET, true, true)).willReturn(new DeletedAsset(ASSET,
				List.of(new Reference(DATASET, item, "deleted"), new Reference(DATASET, kept, "active")), 2, true));

		call(delete("/api/v1/assets/" + ASSET + "?force=TRUE&cascade=true")).andExpect(status().isOk())
			.andExpect(jsonPath("$.references[0].dataset_id").value(DATASET.toString()))
			.andExpect(jsonPath("$.references[0].item_id").value(item.toString()))
			.andExpect(jsonPath("$.references[0].item_status").value("deleted"))
			.andExpect(jsonPath("$.references[1].item_status").value("active"))
			.andExpect(jsonPath("$.entities_unlinked").value(2))
			.andExpect(jsonPath("$.cascade").value(true));
	}

	@Test
	void aFlagThatIsNotTrueOrFalseIsA422BeforeTheServiceIsCalled() throws Exception {
		call(delete("/api/v1/assets/" + ASSET + "?force=yes&cascade=1")).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:validation"))
			.andExpect(jsonPath("$.errors[0].loc").value(contains("query", "force")))
			.andExpect(jsonPath("$.errors[0].type").value("bool_parsing"));
		verifyNoInteractions(this.assets);
	}

	@Test
	void aReferencedAssetIsA409AssetReferencedListingTheReferences() throws Exception {
		UUID item = UUID.randomUUID();
		given(this.assets.deleteAsset(CALLER, ASSET, false, false)).willThrow(new ConflictException("asset-referenced",
				"Asset is referenced by 1 indexed asset(s); delete them first or pass force=true.", Map.of("references",
						List.of(Map.of("dataset_id", DATASET, "item_id", item, "dataset_status", "active")))));

		call(delete("/api/v1/assets/" + ASSET)).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:asset-referenced"))
			.andExpect(jsonPath("$.references[0].item_id").value(item.toString()))
			.andExpect(jsonPath("$.references[0].dataset_status").value("active"));
	}

	@Test
	void aHeldDatasetRefusesEvenAForcedDeleteWithLegalHold() throws Exception {
		given(this.assets.deleteAsset(CALLER, ASSET, true, false)).willThrow(new ConflictException("legal-hold",
				"Dataset is under legal hold.", Map.of("dataset_id", DATASET, "datasets", List.of(DATASET))));

		call(delete("/api/v1/assets/" + ASSET + "?force=true")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:legal-hold"))
			.andExpect(jsonPath("$.dataset_id").value(DATASET.toString()));
	}

	@Test
	void anUnknownAssetIsA404() throws Exception {
		given(this.assets.deleteAsset(CALLER, ASSET, false, false)).willThrow(new NotFoundException("Asset " + ASSET));

		call(delete("/api/v1/assets/" + ASSET)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:lethe:problem:not-found"));
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + KEY));
	}

}
