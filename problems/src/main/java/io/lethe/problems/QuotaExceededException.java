package io.lethe.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write that would take an org past one of its quotas, answered with the limit named:
 * {@code quota} (which one), {@code limit} and {@code used}, and for bytes
 * {@code requested}. A count (assets, uploads in progress, share links) is a 429, bytes
 * are a 413; neither carries {@code Retry-After}, since waiting frees nothing: deleting
 * does.
 */
public class QuotaExceededException extends RuntimeException {

	private final String quota;

	private final long limit;

	private final long used;

	private final Long requested;

	private QuotaExceededException(String quota, long limit, long used, Long requested, String detail) {
		super(detail);
		this.quota = quota;
		this.limit = limit;
		this.used = used;
		this.requested = requested;
	}

	/** One more of something counted would pass the org's limit of it. */
	public static QuotaExceededException count(String quota, long limit, long used) {
		return new QuotaExceededException(quota, limit, used, null,
				"The org's quota of " + quota + " is " + limit + " and " + used + " are used; delete some first.");
	}

	/** {@code requested} more bytes would pass the org's byte quota. */
	public static QuotaExceededException bytes(long limit, long used, long requested) {
		return new QuotaExceededException("bytes", limit, used, requested, "The org's quota of stored bytes is " + limit
				+ "; " + used + " are used and this upload needs " + requested + " more.");
	}

	public String quota() {
		return this.quota;
	}

	/** Whether the quota is of bytes (413) rather than of a count (429). */
	public boolean isBytes() {
		return this.requested != null;
	}

	/** The problem's extension members. */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("quota", this.quota);
		properties.put("limit", this.limit);
		properties.put("used", this.used);
		if (this.requested != null) {
			properties.put("requested", this.requested);
		}
		return properties;
	}

}
