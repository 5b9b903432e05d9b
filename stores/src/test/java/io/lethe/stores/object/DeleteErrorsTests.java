package io.lethe.stores.object;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeleteErrorsTests {

	@Test
	void readsEveryVersionTheStoreDidNotDelete() {
		String answer = """
				<?xml version="1.0" encoding="UTF-8"?>
				<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
				  <Deleted><Key>orgs/o/ok</Key><VersionId>v0</VersionId></Deleted>
				  <Error><Key>orgs/o/a &amp; b</Key><VersionId>v1</VersionId><Code>AccessDenied</Code>
				    <Message>Access Denied</Message></Error>
				  <Error><Key>orgs/o/c</Key><Code>SlowDown</Code><Message>Reduce your rate</Message></Error>
				</DeleteResult>
				""";

		assertThat(DeleteErrors.parse(bytes(answer))).containsExactly(
				new DeleteErrors.Failed("orgs/o/a & b", "v1", "AccessDenied", "Access Denied"),
				new DeleteErrors.Failed("orgs/o/c", null, "SlowDown", "Reduce your rate"));
	}

	@Test
	void aQuietAnswerWithNoErrorsIsEmpty() {
		assertThat(DeleteErrors.parse(bytes("<DeleteResult/>"))).isEmpty();
	}

	@Test
	void anAnswerCutShortIsARetryableError() {
		assertThatExceptionOfType(ObjectStoreException.class)
			.isThrownBy(() -> DeleteErrors.parse(bytes("<DeleteResult><Error><Key>a</Ke")))
			.matches(ObjectStoreException::retryable);
	}

	@Test
	void keysAreEscapedForTheRequestBody() {
		assertThat(S3PurgeCalls.escape("orgs/o/assets/plain")).isEqualTo("orgs/o/assets/plain");
		assertThat(S3PurgeCalls.escape("a&b<c>\"d\"'e'")).isEqualTo("a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;");
	}

	@Test
	void theRequestBodyNamesEveryVersionQuietly() {
		byte[] body = S3PurgeCalls.deleteBody(List.of(new ObjectVersion("orgs/o/a & b", "v1", false, 1, Instant.EPOCH),
				new ObjectVersion("orgs/o/c", null, false, 1, Instant.EPOCH)));

		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
				"<Delete><Quiet>true</Quiet>" + "<Object><Key>orgs/o/a &amp; b</Key><VersionId>v1</VersionId></Object>"
						+ "<Object><Key>orgs/o/c</Key></Object></Delete>");
	}

	private static ByteArrayInputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
