package io.lethe.command.admin.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards {@code /api/v1/admin/**}, after the caller is authenticated. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new OperatorInterceptor())
			.addPathPatterns("/api/v1/admin/**")
			.order(Ordered.HIGHEST_PRECEDENCE + 10);
	}

}
