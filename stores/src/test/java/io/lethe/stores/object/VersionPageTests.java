package io.lethe.stores.object;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VersionPageTests {

	/**
	 * As S3 answers: versions and delete markers interleaved, with fields a purge skips.
	 */
	private static final String PAGE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
			  <Name>lethe</Name><Prefix>orgs/o/</Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker>
			  <NextKeyMarker>orgs/o/b &amp; c</NextKeyMarker><NextVersionIdMarker>v3</NextVersionIdMarker>
			  <MaxKeys>3</MaxKeys><IsTruncated>true</IsTruncated>
			  <Version><Key>orgs/o/a</Key><VersionId>v1</VersionId><IsLatest>false</IsLatest>
			    <LastModified>2026-12-07T03:00:00.000Z</LastModified><ETag>"e"</ETag><Size>42</Size>
			    <Owner><ID>x</ID><DisplayName>y</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Version>
			  <DeleteMarker><Key>orgs/o/a</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest>
			    <LastModified>2026-12-07T03:01:00Z</LastModified><Owner><ID>x</ID></Owner></DeleteMarker>
			  <Version><Key>orgs/o/b &amp; c</Key><VersionId>v3</VersionId><IsLatest>true</IsLatest>
			    <LastModified>2026-12-07T03:02:00.000Z</LastModified><Size>7</Size></Version>
			  <CommonPrefixes><Prefix>orgs/o/x/</Prefix></CommonPrefixes>
			</ListVersionsResult>
			""";

	@Test
	void readsTheVersionsMarkersAndWhereTheNextPageStarts() {
		VersionPage page = VersionPage.parse(bytes(PAGE));

		assertThat(page.versions()).containsExactly(
				new ObjectVersion("orgs/o/a", "v1", false, 42, Instant.parse("2026-12-07T03:00:00Z")),
				new ObjectVersion("orgs/o/b & c", "v3", false, 7, Instant.parse("2026-12-07T03:02:00Z")));
		assertThat(page.markers())
			.containsExactly(new ObjectVersion("orgs/o/a", "v2", true, 0, Instant.parse("2026-12-07T03:01:00Z")));
		assertThat(page.truncated()).isTrue();
		assertThat(page.nextKeyMarker()).isEqualTo("orgs/o/b & c");
		assertThat(page.nextVersionIdMarker()).isEqualTo("v3");
	}

	@Test
	void timesAreReadAsInstantParseReadsThem() {
		for (String text : new String[] { "2026-12-07T03:00:00.000Z", "1999-02-28T23:59:59.999Z",
				"2024-02-29T12:34:56.007Z", "2026-12-07T03:00:00Z", "2026-12-07T03:00:00.123456Z" }) {
			assertThat(VersionPage
				.parse(bytes("<ListVersionsResult><Version><Key>k</Key><LastModified>" + text
						+ "</LastModified></Version><IsTruncated>false</IsTruncated></ListVersionsResult>"))
				.versions()
				.get(0)
				.lastModified()).as(text).isEqualTo(Instant.parse(text));
		}
		assertThatExceptionOfType(ObjectStoreException.class).isThrownBy(() -> VersionPage.parse(
				bytes("<ListVersionsResult><Version><Key>k</Key><LastModified>2026-13-07T03:00:00.000Z</LastModified>"
						+ "</Version></ListVersionsResult>")));
	}

	@Test
	void theLastPageSaysSo() {
		VersionPage page = VersionPage.parse(bytes("""
				<ListVersionsResult><IsTruncated>false</IsTruncated></ListVersionsResult>"""));

		assertThat(page.versions()).isEmpty();
		assertThat(page.markers()).isEmpty();
		assertThat(page.truncated()).isFalse();
	}

	@Test
	void aTruncatedPageWithoutWhereToGoOnIsAnError() {
		assertThatExceptionOfType(ObjectStoreException.class).isThrownBy(() -> VersionPage.parse(bytes("""
				<ListVersionsResult><IsTruncated>true</IsTruncated></ListVersionsResult>""")));
	}

	@Test
	void anAnswerCutShortIsARetryableError() {
		assertThatExceptionOfType(ObjectStoreException.class)
			.isThrownBy(() -> VersionPage.parse(bytes(PAGE.substring(0, PAGE.length() / 2))))
			.matches(ObjectStoreException::retryable);
	}

	@Test
	void anAnswerNamingADtdIsRefused() {
		assertThatExceptionOfType(ObjectStoreException.class).isThrownBy(() -> VersionPage.parse(bytes("""
				<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<ListVersionsResult><IsTruncated>false</IsTruncated><Version><Key>&x;</Key></Version>
				</ListVersionsResult>""")));
	}

	private static ByteArrayInputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
