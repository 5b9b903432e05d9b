package io.lethe.stores.object;

import java.util.List;

import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The S3 adapter against a real S3 HTTP server with versioning on. */
class S3ObjectStoreIntegrationTests extends ObjectStoreContract {

	private static S3ObjectStore store;

	@BeforeAll
	static void connect() {
		TestS3 s3 = TestInfrastructure.s3();
		store = new S3ObjectStore(
				new S3Settings(s3.endpoint(), null, s3.bucket(), s3.accessKey(), s3.secretKey(), true, 8, null));
	}

	@AfterAll
	static void disconnect() {
		store.close();
	}

	@Override
	ObjectStore store() {
		return store;
	}

	@Test
	void overwritingKeepsEveryVersionAndAPlainDeleteOnlyAddsAMarker() {
		String key = this.prefix + "assets/a/original";
		store.put(key, bytes("one"), 3, "text/plain");
		store.put(key, bytes("two"), 3, "text/plain");
		store.put(key, bytes("three"), 5, "text/plain");
		String latest = store.head(key).orElseThrow().versionId();
		store.deleteVersions(List.of(new ObjectVersion(key, null, false, 0, null)));

		List<ObjectVersion> versions = versions(key);

		assertThat(versions).filteredOn(ObjectVersion::deleteMarker).hasSize(1);
		assertThat(versions).filteredOn((v) -> !v.deleteMarker()).hasSize(3);
		assertThat(versions).extracting(ObjectVersion::versionId).contains(latest).doesNotHaveDuplicates();
		assertThat(store.head(key)).isEmpty();

		store.deleteVersions(versions);
		assertThat(versions(key)).isEmpty();
	}

	@Test
	void theVersionsAndDeleteMarkersOfOneKeyAreListedTogetherInKeyOrder() {
		String a = this.prefix + "a";
		String b = this.prefix + "b";
		String c = this.prefix + "c";
		store.put(a, bytes("a1"), 2, "text/plain");
		store.put(a, bytes("a2"), 2, "text/plain");
		store.deleteVersions(List.of(new ObjectVersion(a, null, false, 0, null)));
		store.put(b, bytes("b1"), 2, "text/plain");
		store.put(c, bytes("c1"), 2, "text/plain");
		store.deleteVersions(List.of(new ObjectVersion(c, null, false, 0, null)));

		List<String> keys = versions(this.prefix).stream().map(ObjectVersion::key).toList();

		assertThat(keys).containsExactly(a, a, a, b, c, c);
	}

	@Test
	void keysWithCharactersXmlEscapesAreListedAndDeletedAsWritten() {
		List<String> keys = List.of(this.prefix + "a & b <c> \"d\" 'e'", this.prefix + "caf\u00e9 \uD83D\uDE00",
				this.prefix + "percent%2F+plus");
		for (String key : keys) {
			store.put(key, bytes("x"), 1, "text/plain");
		}

		List<ObjectVersion> listed = versions(this.prefix);
		assertThat(listed).extracting(ObjectVersion::key).containsExactlyInAnyOrderElementsOf(keys);

		assertThat(store.deleteVersions(listed)).isEqualTo(keys.size());
		assertThat(versions(this.prefix)).isEmpty();
	}

	@Test
	void listingABucketThatIsNotThereFailsForGood() {
		TestS3 s3 = TestInfrastructure.s3();
		try (S3ObjectStore missing = new S3ObjectStore(new S3Settings(s3.endpoint(), null, "no-such-bucket-lethe",
				s3.accessKey(), s3.secretKey(), true, 2, null))) {
			assertThatExceptionOfType(ObjectStoreException.class)
				.isThrownBy(() -> missing.listVersions("orgs/").toList())
				.withMessageContaining("404 NoSuchBucket: ")
				.matches((ex) -> !ex.retryable());
		}
	}

	@Test
	void keysCompareByCodePointsAsS3OrdersThem() {
		assertThat(S3ObjectStore.compareAsS3("a", "b")).isNegative();
		assertThat(S3ObjectStore.compareAsS3("ab", "a")).isPositive();
		// U+FF5E sorts before U+1F600 in UTF-8, though not in UTF-16 (a surrogate pair)
		assertThat(S3ObjectStore.compareAsS3("\uFF5E", "\uD83D\uDE00")).isNegative();
		assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
	}

	@Test
	void listingVersionsPagesThroughMoreThanOnePage() {
		String prefix = this.prefix + "many/";
		for (int i = 0; i < 1_100; i++) {
			store.put(prefix + i, bytes("x"), 1, "text/plain");
		}

		List<ObjectVersion> versions = versions(prefix);

		assertThat(versions).hasSize(1_100);
		store.deleteVersions(versions.subList(0, 1_000));
		store.deleteVersions(versions.subList(1_000, 1_100));
		assertThat(versions(prefix)).isEmpty();
	}

}
