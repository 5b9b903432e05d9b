package io.lethe.command.admin.web;

import io.lethe.problems.TypedBodies.Types;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The optional body of an operator command that takes a reason (purge now, release a
 * hold): the reason is audited.
 */
@Schema(name = "Reason", description = "Why, for the audit log; the body may be left out.")
record Reason(@Schema(minLength = 1, maxLength = Reason.MAX) @Size(min = 1, max = Reason.MAX, message = Reason.LENGTH,
		payload = Types.StringLength.class) @Pattern(regexp = Reason.NOT_BLANK, message = Reason.LENGTH,
				payload = Types.StringLength.class) String reason) {

	static final int MAX = 1000;

	static final String LENGTH = "A reason of 1 to " + MAX + " characters";

	/** Not blank: a character that is not white space (in Java and ECMA syntax alike). */
	static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

}
