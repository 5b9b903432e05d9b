package io.lethe.command.share.web;

import io.lethe.command.api.RequestLimits;
import io.lethe.command.api.TokenBuckets;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public share route's rate limit, per client address. */
@Configuration(proxyBeanMethods = false)
class ShareWebConfiguration implements WebMvcConfigurer {

	private final TokenBuckets<String> perAddress;

	ShareWebConfiguration(RequestLimits limits) {
		this.perAddress = new TokenBuckets<>(limits.shareReadsPerSecond(), limits.shareReadsBurst(),
				limits.trackedClients(), System::nanoTime);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ShareReadLimit(this.perAddress))
			.addPathPatterns("/share/**")
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

}
