package io.lethe.purge.web;

import io.lethe.problems.RequestBodyGuard;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Bounds every request body of the worker's API before anything reads it
 * ({@code lethe.limits.max-json-body}, 1 MB by default: a receipt to verify is a few
 * kilobytes); the worker takes no uploads.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(
			@Value("${lethe.limits.max-json-body:1MB}") DataSize maxJsonBody, JsonMapper json) {
		FilterRegistrationBean<RequestBodyGuard> registration = new FilterRegistrationBean<>(
				new RequestBodyGuard(maxJsonBody.toBytes(), json, (request) -> false));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
