package io.lethe.command.api;

import io.lethe.problems.RequestBodyGuard;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Screens every request body before anything reads it, the API key included: a multipart
 * part's raw bytes ({@code PUT …/parts/{n}}) are the only body neither typed nor limited
 * here (parts have their own limit).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(RequestLimits limits, JsonMapper json) {
		FilterRegistrationBean<RequestBodyGuard> registration = new FilterRegistrationBean<>(
				new RequestBodyGuard(limits.maxJsonBody().toBytes(), json,
						(request) -> "PUT".equals(request.getMethod()) && request.getRequestURI().contains("/parts/")));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
