package io.lethe.command.api;

import java.util.Optional;

import io.lethe.problems.ProblemStatus;
import io.lethe.stores.object.ObjectStoreException;

import org.springframework.http.HttpStatus;

/**
 * The status of an exception that is the client's doing (or a store outage), for the
 * compatibility routes' advices, which answer in their own envelopes: the shared
 * {@link ProblemStatus}, and an object-store outage is a 503.
 */
public final class ClientErrors {

	private ClientErrors() {
	}

	public static Optional<HttpStatus> statusOf(Throwable ex) {
		if (ex instanceof ObjectStoreException) {
			return Optional.of(HttpStatus.SERVICE_UNAVAILABLE);
		}
		return ProblemStatus.of(ex);
	}

}
