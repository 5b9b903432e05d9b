package io.lethe.purge.job;

/**
 * How a job was asked for. Only an operator's request may purge before the root's grace
 * period ends.
 */
public enum RequestedVia {

	/** A deletion event: the purge may run from the root's {@code expires_at}. */
	EVENT,

	/** An operator asked for the purge now. */
	OPERATOR,

	/** The sweep found an expired dataset that had no job (its event was lost). */
	SWEEP;

	String value() {
		return name().toLowerCase();
	}

	static RequestedVia of(String value) {
		return valueOf(value.toUpperCase());
	}

}
