package io.lethe.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler parameter read from the JSON body by {@link TypedBodyResolver}: of a request
 * record's type, it is the valid record (every problem of the body in one 422); of type
 * {@link TypedBodies.Body}{@code <R>}, it is the body not yet judged, for a handler that
 * adds its own rules before {@link TypedBodies.Body#valid()}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface TypedBody {

	/**
	 * Whether a body must be sent; when not, a request without one (or with {@code null})
	 * gets a {@code null} parameter.
	 */
	boolean required() default true;

}
