package io.lethe.command.share.web;

import io.lethe.command.api.ClientAddress;
import io.lethe.command.api.TokenBuckets;
import io.lethe.problems.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Share link reads per client address: they need no key, so the address is the only thing
 * to count, and a limit keeps anyone from trying tokens at speed or scraping a shared
 * summary in a loop. Known and unknown tokens count alike, so that the limit tells
 * nothing about a token either.
 */
class ShareReadLimit implements HandlerInterceptor {

	private final TokenBuckets<String> perAddress;

	ShareReadLimit(TokenBuckets<String> perAddress) {
		this.perAddress = perAddress;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		long retryAfter = this.perAddress.acquire(ClientAddress.of(request));
		if (retryAfter > 0) {
			throw new TooManyRequestsException(
					"Too many share link reads from this address; retry in " + retryAfter + " s.", retryAfter);
		}
		return true;
	}

}
