package io.lethe.command.compat.modelarts.web;

import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.ClientErrors;
import io.lethe.command.api.Uuids;
import io.lethe.problems.ConflictException;
import io.lethe.problems.FieldError;
import io.lethe.problems.ForbiddenException;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.problems.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** ModelArts' error shape, {@code {error_code, error_msg}}, for its route only. */
@RestControllerAdvice(assignableTypes = ModelArtsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelArtsErrors {

	private static final Logger log = LoggerFactory.getLogger(ModelArtsErrors.class);

	static UUID datasetId(String id) {
		return Uuids.parse(id).orElseThrow(() -> new NotFoundException("Dataset " + id));
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ModelArtsResponses.Error> invalid(InvalidRequestException ex) {
		FieldError first = ex.errors().get(0);
		return error(HttpStatus.BAD_REQUEST, "ModelArts.4101",
				"Invalid parameter " + first.loc().get(first.loc().size() - 1) + ": " + first.msg());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ModelArtsResponses.Error> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "ModelArts.4101", "The request body is not valid JSON");
	}

	@ExceptionHandler(UnauthenticatedException.class)
	ResponseEntity<ModelArtsResponses.Error> unauthenticated(UnauthenticatedException ex) {
		return error(HttpStatus.UNAUTHORIZED, "ModelArts.0401", "Authentication required");
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ModelArtsResponses.Error> forbidden(ForbiddenException ex) {
		return error(HttpStatus.FORBIDDEN, "ModelArts.0403", ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ModelArtsResponses.Error> notFound(NotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "ModelArts.4352", "Dataset not found");
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ModelArtsResponses.Error> conflict(ConflictException ex) {
		return error(HttpStatus.CONFLICT, "ModelArts.4353", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ModelArtsResponses.Error> unexpected(Exception ex) {
		Optional<HttpStatus> clientError = ClientErrors.statusOf(ex);
		if (clientError.isPresent()) {
			HttpStatus status = clientError.get();
			return error(status, "ModelArts." + (status.is4xxClientError() ? "4101" : "0503"),
					status.getReasonPhrase());
		}
		log.error("Unexpected error on the ModelArts route", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "ModelArts.0500", "Internal error");
	}

	private static ResponseEntity<ModelArtsResponses.Error> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(new ModelArtsResponses.Error(code, message));
	}

}
