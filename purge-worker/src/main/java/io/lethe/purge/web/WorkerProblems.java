package io.lethe.purge.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The purge worker's one advice: its API answers errors as RFC 9457 problem details with
 * the same stable {@code type} URIs as the command service's, and a client error is
 * always a 4xx.
 */
@RestControllerAdvice
class WorkerProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WorkerProblems.class);

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	@ExceptionHandler(UnprocessableRequestException.class)
	ResponseEntity<ProblemDetail> unprocessable(UnprocessableRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
				"The request is invalid; see errors.");
		problem.setProperty("errors", ex.errors()
			.stream()
			.map((error) -> Map.of("loc", List.of("body", error.field()), "msg", error.msg(), "type", error.type()))
			.toList());
		return ResponseEntity.unprocessableContent().contentType(PROBLEM).body(problem);
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		logger.error("Request failed", ex);
		return ResponseEntity.internalServerError()
			.contentType(PROBLEM)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The worker could not answer."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.contentType(PROBLEM)
			.body(problem(HttpStatus.BAD_REQUEST, "malformed-body", "The request body is not valid JSON."));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (entity != null && entity.getBody() instanceof ProblemDetail detail && detail.getType() != null
				&& "about:blank".equals(detail.getType().toString())) {
			detail.setType(type(HttpStatus.valueOf(statusCode.value()).name().toLowerCase().replace('_', '-')));
		}
		return entity;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		return problem;
	}

	private static URI type(String name) {
		return URI.create("urn:lethe:problem:" + name);
	}

}
