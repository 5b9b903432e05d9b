package io.lethe.command.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files under {@code /console/} (classpath
 * {@code static/console}), which hold no data and so need no key; every call they make
 * goes to the API with the operator's key, and is checked and audited as any other. They
 * are no route of the API: outside the key check, the rate limits and the OpenAPI
 * documents.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

	/**
	 * Scripts, styles and calls from this origin only, no inline script or style, no
	 * framing: a key typed into the console can only be read by the console's own files.
	 */
	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/console", "/console/");
		registry.addViewController("/console/").setViewName("forward:/console/index.html");
	}

	@Bean
	FilterRegistrationBean<ConsoleHeaders> consoleHeaders() {
		FilterRegistrationBean<ConsoleHeaders> registration = new FilterRegistrationBean<>(new ConsoleHeaders());
		registration.addUrlPatterns("/console", "/console/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The console's security headers, on every file it is made of. */
	static class ConsoleHeaders extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader("Content-Security-Policy", POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "no-referrer");
			// a new version of the console is read at the next load, never a stale module
			response.setHeader("Cache-Control", "no-cache");
			chain.doFilter(request, response);
		}

	}

}
