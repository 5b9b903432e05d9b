package io.lethe.command.compat.twelvelabs.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.api.ClientErrors;
import io.lethe.command.api.Uuids;
import io.lethe.problems.ConflictException;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.problems.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.lethe.problems.TooManyRequestsException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** TwelveLabs' error shape, {@code {code, message}}, for its routes only. */
@RestControllerAdvice(assignableTypes = TwelveLabsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwelveLabsErrors {

	private static final Logger log = LoggerFactory.getLogger(TwelveLabsErrors.class);

	static UUID assetId(String id) {
		return Uuids.parse(id)
			.orElseThrow(() -> new InvalidRequestException(
					FieldError.path("asset_id", "The asset_id is not valid", "uuid")));
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<TwelveLabsResponses.Error> invalid(InvalidRequestException ex) {
		FieldError first = ex.errors().get(0);
		return error(HttpStatus.BAD_REQUEST, "parameter_invalid",
				"The " + first.loc().get(first.loc().size() - 1) + " parameter is invalid: " + first.msg());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<TwelveLabsResponses.Error> notFound(NotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "resource_not_exist", ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<TwelveLabsResponses.Error> conflict(ConflictException ex) {
		// TwelveLabs spells its codes in snake_case: asset_referenced, legal_hold, ...
		Object references = ex.properties().get("references");
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(new TwelveLabsResponses.Error(ex.type().replace('-', '_'), ex.getMessage(),
					(references instanceof List<?> list) ? list : null));
	}

	@ExceptionHandler(UnauthenticatedException.class)
	ResponseEntity<TwelveLabsResponses.Error> unauthenticated(UnauthenticatedException ex) {
		return error(HttpStatus.UNAUTHORIZED, "api_key_invalid", ex.getMessage());
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<TwelveLabsResponses.Error> tooManyRequests(TooManyRequestsException ex) {
		ResponseEntity<TwelveLabsResponses.Error> response = error(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
				ex.getMessage());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(response.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<TwelveLabsResponses.Error> unexpected(Exception ex) {
		Optional<HttpStatus> clientError = ClientErrors.statusOf(ex);
		if (clientError.isPresent()) {
			HttpStatus status = clientError.get();
			return error(status, status.is4xxClientError() ? "bad_request" : "service_unavailable",
					status.getReasonPhrase());
		}
		log.error("Unexpected error on a TwelveLabs route", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal error");
	}

	private static ResponseEntity<TwelveLabsResponses.Error> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(TwelveLabsResponses.Error.of(code, message));
	}

}
