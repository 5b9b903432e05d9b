package io.lethe.problems;

import java.net.URI;

/**
 * Stable problem type URIs (RFC 9457); clients branch on them, never on titles or
 * details.
 */
public final class ProblemTypes {

	private static final String BASE = "urn:lethe:problem:";

	private ProblemTypes() {
	}

	public static URI of(String name) {
		return URI.create(BASE + name);
	}

}
