package io.lethe.command.openapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every answer the integration tests get from the command service, checked against the
 * committed OpenAPI documents by {@link ContractValidator}, as a validating gateway in
 * front of the service would. The check runs before the answer reaches the client, so a
 * test's own requests are all checked when it ends; {@link #drain()} hands over what
 * broke the documents.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractValidation {

	private static final ConcurrentLinkedQueue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

	@Bean
	FilterRegistrationBean<ValidatingFilter> contractValidatingFilter() {
		FilterRegistrationBean<ValidatingFilter> registration = new FilterRegistrationBean<>(new ValidatingFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The violations seen since the last call, one line each: route, status, what broke.
	 */
	public static List<String> drain() {
		List<String> drained = new ArrayList<>();
		for (String violation = VIOLATIONS.poll(); violation != null; violation = VIOLATIONS.poll()) {
			drained.add(violation);
		}
		return drained;
	}

	static final class ValidatingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			// an exception that escapes is answered by the container's error dispatch,
			// not
			// here: only completed answers are checked
			chain.doFilter(request, answer);
			List<String> violations = ContractValidator.committed()
				.validate(request.getMethod(), request.getRequestURI(), hasBody(request), answer.getStatus(),
						answer.getContentType(), answer.getContentAsByteArray());
			String route = request.getMethod() + " " + request.getRequestURI() + " -> " + answer.getStatus();
			violations.forEach((violation) -> VIOLATIONS.add(route + ": " + violation));
			answer.copyBodyToResponse();
		}

		private static boolean hasBody(HttpServletRequest request) {
			return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		}

	}

}
