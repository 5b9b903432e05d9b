package io.lethe.command.openapi;

import java.util.List;

import io.lethe.client.ApiClient;
import io.lethe.client.ApiException;
import io.lethe.client.api.DatasetsApi;
import io.lethe.client.api.DeletionsApi;
import io.lethe.client.model.Dataset;
import io.lethe.client.model.DatasetCreate;
import io.lethe.client.model.DatasetUpdate;
import io.lethe.client.model.DeletionStatus;
import io.lethe.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the committed {@code docs/openapi/native.json} with a standard
 * generator (openapi-generator's Java {@code native} library, at build time), used as a
 * platform team would: the dataset's whole life, from create to its deletion status.
 */
class GeneratedClientIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void aClientGeneratedFromTheDocumentCreatesReadsListsChangesAndDeletesADataset() throws ApiException {
		TestOrg org = newOrg();
		ApiClient client = client(org.key());
		DatasetsApi datasets = new DatasetsApi(client);
		DeletionsApi deletions = new DeletionsApi(client);

		Dataset created = datasets.createDataset(new DatasetCreate().name("generated_client")
			.description("Made by a generated client")
			.allowedAssetTypes(List.of(DatasetCreate.AllowedAssetTypesEnum.IMAGE)));
		assertThat(created.getName()).isEqualTo("generated_client");
		assertThat(created.getStatus()).isEqualTo(Dataset.StatusEnum.ACTIVE);

		assertThat(datasets.getDataset(created.getId()).getDescription()).isEqualTo("Made by a generated client");
		assertThat(datasets.listDatasets(null, 10, 0).getData()).extracting(Dataset::getId)
			.containsExactly(created.getId());

		Dataset changed = datasets.updateDataset(created.getId(), new DatasetUpdate().description("Changed"));
		assertThat(changed.getDescription()).isEqualTo("Changed");
		assertThat(changed.getName()).isEqualTo("generated_client");

		Dataset deleted = datasets.deleteDataset(created.getId(), "PT1H");
		assertThat(deleted.getStatus()).isEqualTo(Dataset.StatusEnum.PENDING_DELETION);
		assertThat(deleted.getExpiresAt()).isAfter(deleted.getDeletedDt());

		DeletionStatus status = deletions.getDatasetDeletion(created.getId());
		assertThat(status.getState()).isEqualTo("pending_deletion");
		assertThat(status.getExpiresAt()).isEqualTo(deleted.getExpiresAt());
		assertThat(datasets.listDatasets(null, 10, 0).getData()).isEmpty();
	}

	@Test
	void aRefusalReachesTheGeneratedClientAsItsDocumentedProblem() {
		ApiClient client = client(newOrg().key());

		assertThat(catchThrowableOfType(ApiException.class,
				() -> new DatasetsApi(client).createDataset(new DatasetCreate().name("not valid!"))))
			.satisfies((refused) -> {
				assertThat(refused.getCode()).isEqualTo(422);
				assertThat(refused.getResponseBody()).contains("urn:lethe:problem:validation").contains("\"name\"");
			});
	}

	/** The generated client on the test's service, presenting the key as a user would. */
	private ApiClient client(String key) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://127.0.0.1:" + this.port);
		return client.setRequestInterceptor((request) -> request.header("x-api-key", key));
	}

}
