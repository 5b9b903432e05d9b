package io.lethe.problems;

/**
 * A resource that does not exist for the caller. Another org's resource is reported the
 * same way, so that the answer never confirms it exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
