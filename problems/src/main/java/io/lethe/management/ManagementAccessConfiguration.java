package io.lethe.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the management endpoints' details. Both services serve them on a port of
 * their own, bound to loopback unless configured otherwise ({@code management.server.*}),
 * so that probes and scrapers on the host reach them and API clients do not. Health
 * details (each dependency's error text, endpoints, versions) need more:
 * {@code show-details: when-authorized} shows them only to a request that carries
 * {@code Authorization: Bearer <LETHE_MANAGEMENT_TOKEN>}; with no token configured, to
 * nobody. Written by hand because the services have no Spring Security to lean on and a
 * single shared token is all the check needs.
 */
@ManagementContextConfiguration(ManagementContextType.ANY)
public class ManagementAccessConfiguration {

	@Bean
	FilterRegistrationBean<ManagementTokenFilter> managementTokenFilter(
			@Value("${lethe.management.token:}") String token) {
		FilterRegistrationBean<ManagementTokenFilter> registration = new FilterRegistrationBean<>(
				new ManagementTokenFilter(token));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Marks a request bearing the management token as authenticated (a principal named
	 * {@code management}), which is what the actuator's {@code when-authorized} asks of a
	 * servlet request; any other request goes on as it came.
	 */
	static final class ManagementTokenFilter extends OncePerRequestFilter {

		private static final Principal MANAGEMENT = () -> "management";

		private final byte[] expected;

		ManagementTokenFilter(String token) {
			this.expected = (token == null || token.isBlank()) ? null
					: ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(authorized(request) ? new AuthenticatedRequest(request) : request, response);
		}

		boolean authorized(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			return this.expected != null && header != null
					&& MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8));
		}

	}

	private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

		AuthenticatedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Principal getUserPrincipal() {
			return ManagementTokenFilter.MANAGEMENT;
		}

		@Override
		public String getRemoteUser() {
			return ManagementTokenFilter.MANAGEMENT.getName();
		}

	}

}
