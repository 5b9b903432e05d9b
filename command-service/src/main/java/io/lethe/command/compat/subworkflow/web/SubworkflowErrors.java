package io.lethe.command.compat.subworkflow.web;

import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.ClientErrors;
import io.lethe.command.api.Uuids;
import io.lethe.problems.ConflictException;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.problems.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Subworkflow's error envelope, {@code {success: false, error}}, for its route only. */
@RestControllerAdvice(assignableTypes = SubworkflowController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubworkflowErrors {

	private static final Logger log = LoggerFactory.getLogger(SubworkflowErrors.class);

	static UUID datasetId(String id) {
		return Uuids.parse(id)
			.orElseThrow(() -> new InvalidRequestException(
					io.lethe.problems.FieldError.path("id", "Invalid dataset id", "uuid")));
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<SubworkflowResponse.Error> invalid(InvalidRequestException ex) {
		return error(HttpStatus.BAD_REQUEST, "Invalid dataset id");
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<SubworkflowResponse.Error> notFound(NotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "Dataset not found");
	}

	@ExceptionHandler(UnauthenticatedException.class)
	ResponseEntity<SubworkflowResponse.Error> unauthenticated(UnauthenticatedException ex) {
		return error(HttpStatus.UNAUTHORIZED, "Invalid or missing x-api-key");
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<SubworkflowResponse.Error> conflict(ConflictException ex) {
		return error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<SubworkflowResponse.Error> unexpected(Exception ex) {
		Optional<HttpStatus> clientError = ClientErrors.statusOf(ex);
		if (clientError.isPresent()) {
			HttpStatus status = clientError.get();
			return error(status, status.getReasonPhrase());
		}
		log.error("Unexpected error on the Subworkflow route", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");
	}

	private static ResponseEntity<SubworkflowResponse.Error> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(SubworkflowResponse.Error.of(message));
	}

}
