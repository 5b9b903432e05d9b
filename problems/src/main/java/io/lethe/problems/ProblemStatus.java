package io.lethe.problems;

import java.util.Optional;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MultipartException;

/**
 * The status of an exception that is the client's doing (or a database outage), for
 * advices that answer in other envelopes than problem details (the compatibility routes):
 * a framework exception (unsupported media type, wrong method, bad parameter, unreadable
 * body) is never a 500 on any route.
 */
public final class ProblemStatus {

	private ProblemStatus() {
	}

	public static Optional<HttpStatus> of(Throwable ex) {
		if (RequestBodyGuard.isBodyTooLarge(ex) || ex instanceof PayloadTooLargeException) {
			return Optional.of(HttpStatus.CONTENT_TOO_LARGE);
		}
		if (ex instanceof QuotaExceededException quota) {
			return Optional.of(quota.isBytes() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.TOO_MANY_REQUESTS);
		}
		if (ex instanceof TooManyRequestsException) {
			return Optional.of(HttpStatus.TOO_MANY_REQUESTS);
		}
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof RecoverableDataAccessException) {
			return Optional.of(HttpStatus.SERVICE_UNAVAILABLE);
		}
		if (ex instanceof ErrorResponse response) {
			return Optional.ofNullable(HttpStatus.resolve(response.getStatusCode().value()));
		}
		if (ex instanceof TypeMismatchException || ex instanceof ServletRequestBindingException
				|| ex instanceof HttpMessageNotReadableException || ex instanceof MultipartException) {
			return Optional.of(HttpStatus.BAD_REQUEST);
		}
		return Optional.empty();
	}

}
