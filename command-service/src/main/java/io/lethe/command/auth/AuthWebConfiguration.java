package io.lethe.command.auth;

import java.util.List;
import java.util.UUID;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.api.TokenBuckets;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API route needs a key: the native API and the compatibility routes alike. */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	static final String[] PROTECTED = { "/api/**", "/v1/**", "/v1.3/**", "/v2/**" };

	private final ApiKeyService keys;

	private final TokenBuckets<UUID> perKey;

	private final TokenBuckets<String> failuresPerAddress;

	AuthWebConfiguration(ApiKeyService keys, RequestLimits limits) {
		this.keys = keys;
		this.perKey = new TokenBuckets<>(limits.requestsPerSecond(), limits.burst(), limits.trackedClients(),
				System::nanoTime);
		this.failuresPerAddress = new TokenBuckets<>(limits.failedAuthPerSecond(), limits.failedAuthBurst(),
				limits.trackedClients(), System::nanoTime);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.keys, this.perKey, this.failuresPerAddress))
			.addPathPatterns(PROTECTED)
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
