package io.lethe.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.stores.object.ObjectKeys;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.object.ObjectVersion;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The naive peer, as a typical clean-up script does it: list the versions, then one
 * {@code DeleteObject} per version, one at a time; then the rows one by one (vector,
 * item, asset per item, each its own statement in autocommit). Run on a small sample; the
 * per-item rate it measures is extrapolated linearly to the full size (its work per item
 * does not depend on the dataset's size, so linear is the honest extrapolation).
 */
final class NaivePeer {

	private NaivePeer() {
	}

	static Map<String, Object> run(BenchStack stack, URI s3Endpoint, ObjectStore lister, Seeder.Seeded seeded,
			long extrapolateTo) throws Exception {
		long start = System.nanoTime();
		List<ObjectVersion> versions;
		try (var listed = lister.listVersions(ObjectKeys.orgPrefix(seeded.org()))) {
			versions = listed.toList();
		}
		try (S3Client s3 = client(stack, s3Endpoint)) {
			for (ObjectVersion version : versions) {
				s3.deleteObject((request) -> request.bucket(stack.s3.bucket())
					.key(version.key())
					.versionId(version.versionId()));
			}
		}
		double objectSeconds = (System.nanoTime() - start) / 1e9;
		long rowsStart = System.nanoTime();
		long rows = 0;
		try (Connection connection = stack.db.connect()) {
			List<UUID[]> items = new ArrayList<>();
			try (PreparedStatement select = connection
				.prepareStatement("select id, asset_id from catalog.items where dataset_id = ?")) {
				select.setObject(1, seeded.dataset());
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						items.add(new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) });
					}
				}
			}
			try (PreparedStatement vector = connection
				.prepareStatement("delete from vectors.e_multimodal where item_id = ?");
					PreparedStatement item = connection.prepareStatement("delete from catalog.items where id = ?");
					PreparedStatement asset = connection.prepareStatement("delete from catalog.assets where id = ?")) {
				for (UUID[] pair : items) {
					vector.setObject(1, pair[0]);
					rows += vector.executeUpdate();
					item.setObject(1, pair[0]);
					rows += item.executeUpdate();
					asset.setObject(1, pair[1]);
					rows += asset.executeUpdate();
				}
			}
		}
		double rowSeconds = (System.nanoTime() - rowsStart) / 1e9;
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sample_items", seeded.items());
		result.put("seconds", seconds);
		result.put("items_per_s", seeded.items() / seconds);
		result.put("deleted", Map.of("objects", versions.size(), "rows_and_vectors", rows));
		result.put("per_store_per_s",
				Map.of("objects", versions.size() / objectSeconds, "rows_and_vectors", rows / rowSeconds));
		result.put("extrapolated_items", extrapolateTo);
		result.put("extrapolated_seconds", extrapolateTo / (seeded.items() / seconds));
		return result;
	}

	static S3Client client(BenchStack stack, URI endpoint) {
		return S3Client.builder()
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.endpointOverride(endpoint)
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(stack.s3.accessKey(), stack.s3.secretKey())))
			.build();
	}

}
