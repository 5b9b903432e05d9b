package io.lethe.problems;

import java.io.IOException;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Screens request bodies before anything parses them: a Content-Type that is not a
 * concrete media type, or a form (the APIs take JSON, multipart uploads and raw part
 * bytes, never forms), is a 415; a body that is not an upload and is larger than the
 * limit is a 413, whether it declares its length or streams it chunked. Uploads have
 * their own limits (multipart and part sizes). Each service registers one, early in its
 * filter chain.
 */
public class RequestBodyGuard extends OncePerRequestFilter {

	private final long maxBody;

	private final JsonMapper json;

	private final Predicate<HttpServletRequest> rawUpload;

	/**
	 * @param maxBody the largest body of a request that is not an upload, in bytes
	 * @param rawUpload the requests whose body is raw bytes of an upload (a multipart
	 * part), which are neither screened by type nor limited here
	 */
	public RequestBodyGuard(long maxBody, JsonMapper json, Predicate<HttpServletRequest> rawUpload) {
		this.maxBody = maxBody;
		this.json = json;
		this.rawUpload = rawUpload;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean partUpload = this.rawUpload.test(request);
		String contentType = request.getContentType();
		boolean multipart = false;
		if (contentType != null && !partUpload) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
						"Content-Type " + printable(contentType) + " is not a media type.");
				return;
			}
			if (type.isWildcardType() || type.isWildcardSubtype()
					|| MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
				refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
						"Content-Type " + type + " is not accepted; send application/json.");
				return;
			}
			multipart = "multipart".equals(type.getType());
		}
		if (multipart || partUpload) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBody) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"The request body is larger than " + this.maxBody + " bytes.");
			return;
		}
		chain.doFilter(new LimitedBodyRequest(request, this.maxBody), response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(status.getReasonPhrase());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static String printable(String value) {
		String shown = value.replaceAll("[^\\x20-\\x7e]", "?");
		return (shown.length() > 100) ? shown.substring(0, 100) + "…" : shown;
	}

	/**
	 * A request whose body stream fails once it passes the limit (a chunked body declares
	 * no length up front); the failure reaches {@link ProblemAdvice} as a 413.
	 */
	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedBodyRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

	/** A streamed body passed the limit. */
	static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException(long limit) {
			super("The request body is larger than " + limit + " bytes.");
		}

	}

	/** Whether a body passed the limit somewhere in the exception's causes. */
	public static boolean isBodyTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
