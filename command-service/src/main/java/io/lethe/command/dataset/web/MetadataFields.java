package io.lethe.command.dataset.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.lethe.command.dataset.DatasetRules;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

/**
 * The rule of {@code metadata_fields_to_index} and {@code metadata_fields_to_embed}, on
 * create and on change alike: at most {@link DatasetRules#METADATA_FIELDS_MAX} names,
 * each {@link Name} (each violation keeps its own message and type).
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = DatasetRules.METADATA_FIELDS_MAX, message = DatasetFields.METADATA_TOO_LONG)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface MetadataFields {

	String message() default DatasetFields.METADATA_TOO_LONG;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** One field name: 1 to 255 characters. */
	@Documented
	@Constraint(validatedBy = {})
	@Size(min = 1, max = 255, message = DatasetFields.METADATA_LENGTH)
	@Target(ElementType.TYPE_USE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Name {

		String message() default DatasetFields.METADATA_LENGTH;

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

}
