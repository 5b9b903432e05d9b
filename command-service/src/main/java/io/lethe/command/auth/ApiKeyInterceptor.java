package io.lethe.command.auth;

import java.util.UUID;
import java.util.regex.Pattern;

import io.lethe.command.api.ClientAddress;
import io.lethe.command.api.TokenBuckets;
import io.lethe.problems.ForbiddenException;
import io.lethe.problems.TooManyRequestsException;
import io.lethe.problems.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the {@link Caller} of every API request from
 * {@code Authorization: Bearer <key>} or {@code x-api-key: <key>}; a request without a
 * valid key goes no further, and nor does one over its key's request rate. Each request
 * without a valid key (none, unknown, malformed, revoked) takes a token of its client
 * address; an address out of them is answered 429 before its key is even looked up, so
 * that guessing keys, or flooding the key table with lookups, is throttled. A consumer
 * key reaches its acknowledgement route and nothing else: refused here, once for every
 * route, rather than by each controller that might forget.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

	/** The request attribute that holds the authenticated {@link Caller}. */
	static final String CALLER = Caller.class.getName();

	/** The one route a consumer key may call. */
	private static final Pattern ACK_ROUTE = Pattern.compile("/api/v1/deletions/[^/]+/[^/]+/acks/?");

	private final ApiKeyService keys;

	private final TokenBuckets<UUID> perKey;

	private final TokenBuckets<String> failuresPerAddress;

	ApiKeyInterceptor(ApiKeyService keys, TokenBuckets<UUID> perKey, TokenBuckets<String> failuresPerAddress) {
		this.keys = keys;
		this.perKey = perKey;
		this.failuresPerAddress = failuresPerAddress;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String address = ClientAddress.of(request);
		long blocked = this.failuresPerAddress.waitFor(address);
		if (blocked > 0) {
			throw new TooManyRequestsException(
					"Too many requests without a valid API key from this address; retry in " + blocked + " s.",
					blocked);
		}
		String presented = presentedKey(request);
		if (presented == null) {
			this.failuresPerAddress.acquire(address);
			throw new UnauthenticatedException(
					"An API key is required: send Authorization: Bearer <key> or x-api-key.");
		}
		Caller caller = this.keys.authenticate(presented).orElse(null);
		if (caller == null) {
			this.failuresPerAddress.acquire(address);
			throw new UnauthenticatedException("The API key is invalid or revoked.");
		}
		long retryAfter = this.perKey.acquire(caller.keyId());
		if (retryAfter > 0) {
			throw new TooManyRequestsException("This API key is over its request rate; retry in " + retryAfter + " s.",
					retryAfter);
		}
		if (caller.isConsumer() && !("POST".equals(request.getMethod())
				&& ACK_ROUTE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches())) {
			throw new ForbiddenException("consumer-key-acknowledges-only",
					"A consumer key may only acknowledge deletions (POST /api/v1/deletions/{root_type}/{root_id}/acks).");
		}
		request.setAttribute(CALLER, caller);
		return true;
	}

	private static String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		String apiKey = request.getHeader("x-api-key");
		return (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
	}

}
