package io.lethe.command.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem answer a route gives for its own rules (a 409 for a name taken, a 403 for an
 * operator-only field), documented as {@code application/problem+json}. The answers every
 * route of a kind gives (401, 422, 429, …) are added by {@link ApiContract}, so a route
 * lists only what is particular to it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

	/** The HTTP status, e.g. 409. */
	int status();

	/** When the route answers it, in a user's words (problem types in backticks). */
	String description();

	/** The repeated form. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		ProblemResponse[] value();

	}

}
