package io.lethe.problems;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of each service's one advice: turns exceptions into RFC 9457 problem details.
 * Every problem carries a stable {@code type} ({@code urn:lethe:problem:…}, framework
 * errors included), a client error is always a 4xx with every invalid input listed as
 * {@code {loc, msg, type}}, a database outage is a 503 to retry, and a 500 never leaks
 * internals. A service extends it with a {@code @RestControllerAdvice} for what only it
 * raises.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		return invalid(ex.errors());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		MethodParameter parameter = ex.getParameter();
		String name = ex.getName();
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value";
		String msg = "Input should be a valid " + expected.toLowerCase();
		FieldError error = parameter.hasParameterAnnotation(PathVariable.class)
				? FieldError.path(name, msg, expected.toLowerCase() + "_parsing")
				: FieldError.query(name, msg, expected.toLowerCase() + "_parsing");
		return invalid(List.of(error));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.type(), "Conflict", ex.getMessage(), ex.properties());
	}

	@ExceptionHandler(UnauthenticatedException.class)
	ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException ex) {
		ProblemDetail body = body(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", ex.getMessage());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lethe\"")
			.body(body);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.type(), "Forbidden", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Bad Request",
				"The request body is not a valid multipart/form-data body.", Map.of());
	}

	@ExceptionHandler(QuotaExceededException.class)
	ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException ex) {
		return ex.isBytes()
				? problem(HttpStatus.CONTENT_TOO_LARGE, "quota-exceeded", "Content Too Large", ex.getMessage(),
						ex.properties())
				: problem(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", "Too Many Requests", ex.getMessage(),
						ex.properties());
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		ProblemDetail body = body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests", ex.getMessage());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(body);
	}

	/**
	 * A lost or refused database connection, a deadlock, a timeout: the transaction
	 * rolled back whole, so the client may simply retry.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		ProblemDetail body = body(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service Unavailable",
				"The database did not complete the request; nothing was recorded. Retry later.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(body);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (RequestBodyGuard.isBodyTooLarge(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large", ex.getMessage(), Map.of());
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
				"The request could not be completed; it is safe to retry.", Map.of());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestBodyGuard.isBodyTooLarge(ex)) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(body(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large",
						"The request body is larger than the limit."));
		}
		ProblemDetail body = body(HttpStatus.BAD_REQUEST, "malformed-body", "Bad Request",
				"The request body is not valid JSON.");
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.unprocessableContent()
			.body(invalidBody(List.of(FieldError.body(ex.getRequestPartName(), "Field required", "missing"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.unprocessableContent()
			.body(invalidBody(List.of(FieldError.query(ex.getParameterName(), "Field required", "missing"))));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(body(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large",
					"The upload exceeds the size limit."));
	}

	/**
	 * Framework errors (405, 406, 415, …) get a stable type too, named for their status
	 * (Spring Framework 7 leaves their type unset, earlier versions {@code about:blank}).
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (entity != null && entity.getBody() instanceof ProblemDetail detail
				&& (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			if (status != null) {
				detail.setType(ProblemTypes.of(status.name().toLowerCase().replace('_', '-')));
			}
		}
		return entity;
	}

	/** 422 with every invalid input. */
	protected static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
		return ResponseEntity.unprocessableContent().body(invalidBody(errors));
	}

	private static ProblemDetail invalidBody(List<FieldError> errors) {
		ProblemDetail body = body(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Unprocessable Entity",
				"The request is invalid; see errors.");
		body.setProperty("errors", errors);
		return body;
	}

	/** A problem of the given status and type, with extra members. */
	protected static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties) {
		ProblemDetail body = body(status, type, title, detail);
		properties.forEach(body::setProperty);
		return ResponseEntity.status(status).body(body);
	}

	/** A problem body of the given status and type. */
	protected static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(ProblemTypes.of(type));
		body.setTitle(title);
		return body;
	}

}
