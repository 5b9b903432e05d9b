package io.lethe.purge.job;

/**
 * How a job was asked for. None purges before the root's grace period ends as the catalog
 * records it: an operator's purge-now moves the catalog's {@code expires_at} to now.
 */
public enum RequestedVia {

	/** A deletion event: the purge may run from the root's {@code expires_at}. */
	EVENT,

	/** An operator asked for the purge now (the catalog says since when it is due). */
	OPERATOR,

	/**
	 * The sweep found a deleted root that had no job (its event was lost): an expired
	 * dataset, a deleted asset, deleted items.
	 */
	SWEEP;

	String value() {
		return name().toLowerCase();
	}

	static RequestedVia of(String value) {
		return valueOf(value.toUpperCase());
	}

}
