package io.lethe.command.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Documents the {@link ProblemResponse}s a route declares for its own rules. */
class ProblemOperations implements GlobalOperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		for (ProblemResponse problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
				ProblemResponse.class)) {
			operation.getResponses()
				.addApiResponse(String.valueOf(problem.status()), new ApiResponse().description(problem.description())
					.content(ApiContract.problemContent((problem.status() == 422) ? "ValidationProblem" : "Problem")));
		}
		return operation;
	}

}
