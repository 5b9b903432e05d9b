package io.lethe.command.api;

import io.lethe.problems.ProblemAdvice;
import io.lethe.stores.object.ObjectStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command service's advice: the shared {@link ProblemAdvice} for the native API, and
 * what only this service meets, an object store that refuses a write (503 to retry;
 * nothing was recorded). The compatibility routes answer in their own envelopes.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(ObjectStoreException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(ObjectStoreException ex) {
		log.warn("Object store failure: {}", ex.getMessage());
		ProblemDetail body = body(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Service Unavailable",
				"Object storage did not accept the request; nothing was recorded. Retry later.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(body);
	}

}
