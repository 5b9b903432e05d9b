package io.lethe.command.admin.web;

import io.lethe.problems.ForbiddenException;
import io.lethe.problems.UnauthenticatedException;
import io.lethe.command.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The admin API is for operator keys: a member key is refused with 403 before any handler
 * runs.
 */
class OperatorInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object caller = request.getAttribute(Caller.class.getName());
		if (!(caller instanceof Caller authenticated)) {
			throw new UnauthenticatedException("An API key is required.");
		}
		if (!authenticated.isOperator()) {
			throw new ForbiddenException("The admin API needs an operator key.");
		}
		return true;
	}

}
