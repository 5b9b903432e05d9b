package io.lethe.problems;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyGuardTests {

	private final RequestBodyGuard guard = new RequestBodyGuard(16, JsonMapper.builder().build(),
			(request) -> request.getRequestURI().endsWith("/parts/1"));

	@Test
	void aBodyOverTheLimitIsRefusedBeforeAnythingReadsIt() throws Exception {
		MockHttpServletResponse response = filter(request("/api", "application/json", "{\"name\": \"much too long\"}"));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"type\":\"urn:lethe:problem:too-large\"");
	}

	@Test
	void formsAndWildcardsAreUnsupportedMediaTypes() throws Exception {
		assertThat(filter(request("/api", "application/x-www-form-urlencoded", "a=1")).getStatus()).isEqualTo(415);
		assertThat(filter(request("/api", "*/*", "{}")).getStatus()).isEqualTo(415);
		assertThat(filter(request("/api", "not a type", "{}")).getStatus()).isEqualTo(415);
	}

	@Test
	void smallBodiesAndRawUploadsPass() throws Exception {
		assertThat(filter(request("/api", "application/json", "{}")).getStatus()).isEqualTo(200);
		assertThat(
				filter(request("/uploads/x/parts/1", "application/octet-stream", "bytes beyond the limit")).getStatus())
			.isEqualTo(200);
	}

	@Test
	void aStreamedBodyThatPassesTheLimitIsRecognisedAsTooLarge() throws Exception {
		MockHttpServletRequest chunked = request("/api", "application/json", "{\"name\": \"much too long\"}");
		chunked.removeHeader("Content-Length");
		MockFilterChain reader = new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException {
				request.getInputStream().readAllBytes();
			}
		};
		try {
			this.guard.doFilter(new UnsizedRequest(chunked), new MockHttpServletResponse(), reader);
		}
		catch (RuntimeException ex) {
			assertThat(RequestBodyGuard.isBodyTooLarge(new IllegalStateException(ex))).isTrue();
			return;
		}
		throw new AssertionError("a body over the limit was read whole");
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.guard.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static MockHttpServletRequest request(String uri, String contentType, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", uri);
		request.setContentType(contentType);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** A chunked request: it declares no length. */
	private static final class UnsizedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		UnsizedRequest(MockHttpServletRequest request) {
			super(request);
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

	}

}
