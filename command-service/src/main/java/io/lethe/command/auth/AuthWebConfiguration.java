package io.lethe.command.auth;

import java.util.List;

import io.lethe.command.api.RequestLimits;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API route needs a key: the native API and the compatibility routes alike. */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	static final String[] PROTECTED = { "/api/**", "/v1/**", "/v1.3/**", "/v2/**" };

	private final ApiKeyService keys;

	private final KeyRateLimiter limiter;

	AuthWebConfiguration(ApiKeyService keys, RequestLimits limits) {
		this.keys = keys;
		this.limiter = new KeyRateLimiter(limits, System::nanoTime);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.keys, this.limiter))
			.addPathPatterns(PROTECTED)
			.order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
