package io.lethe.stores.object;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadPageTests {

	/** As S3 answers, with the fields a purge skips. */
	private static final String PAGE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
			  <Bucket>lethe</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>
			  <NextKeyMarker>orgs/o/b &amp; c</NextKeyMarker><NextUploadIdMarker>u2</NextUploadIdMarker>
			  <Prefix>orgs/o/</Prefix><MaxUploads>2</MaxUploads><IsTruncated>true</IsTruncated>
			  <Upload><Key>orgs/o/a</Key><UploadId>u1</UploadId>
			    <Initiator><ID>x</ID><DisplayName>y</DisplayName></Initiator><Owner><ID>x</ID></Owner>
			    <StorageClass>STANDARD</StorageClass><Initiated>2026-12-07T03:00:00.000Z</Initiated></Upload>
			  <Upload><Key>orgs/o/b &amp; c</Key><UploadId>u2</UploadId><Initiated>2026-12-07T03:01:00Z</Initiated></Upload>
			  <CommonPrefixes><Prefix>orgs/o/x/</Prefix></CommonPrefixes>
			</ListMultipartUploadsResult>
			""";

	@Test
	void readsTheUploadsAndWhereTheNextPageStarts() {
		UploadPage page = UploadPage.parse(bytes(PAGE));

		assertThat(page.uploads()).containsExactly(
				new MultipartUpload("orgs/o/a", "u1", Instant.parse("2026-12-07T03:00:00Z")),
				new MultipartUpload("orgs/o/b & c", "u2", Instant.parse("2026-12-07T03:01:00Z")));
		assertThat(page.truncated()).isTrue();
		assertThat(page.nextKeyMarker()).isEqualTo("orgs/o/b & c");
		assertThat(page.nextUploadIdMarker()).isEqualTo("u2");
	}

	@Test
	void anEmptyListingIsTheLastPage() {
		UploadPage page = UploadPage.parse(bytes(
				"<ListMultipartUploadsResult><Bucket>lethe</Bucket><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>"));

		assertThat(page.uploads()).isEmpty();
		assertThat(page.truncated()).isFalse();
	}

	@Test
	void anAnswerThatCannotBeFollowedOrReadIsAnError() {
		// a truncated page that does not say where the next starts would list forever
		assertThatExceptionOfType(ObjectStoreException.class)
			.isThrownBy(() -> UploadPage.parse(bytes(
					"<ListMultipartUploadsResult><IsTruncated>true</IsTruncated>" + "</ListMultipartUploadsResult>")))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
		assertThatExceptionOfType(ObjectStoreException.class)
			.isThrownBy(() -> UploadPage
				.parse(bytes("<ListMultipartUploadsResult><Upload><Key>k</Key></Upload></ListMultipartUploadsResult>")))
			.withMessageContaining("without Key or UploadId");
		assertThatExceptionOfType(ObjectStoreException.class)
			.isThrownBy(() -> UploadPage.parse(bytes("<ListMultipartUploadsResult><Upload>")));
	}

	private static ByteArrayInputStream bytes(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
