package io.lethe.purge.job;

import java.util.UUID;

/**
 * This worker no longer holds the job's lease: another worker took the job over after the
 * lease lapsed. The purge stops without touching the job; its new owner carries on.
 */
public class LeaseLostException extends RuntimeException {

	public LeaseLostException(UUID jobId, String owner) {
		super("Lease on job " + jobId + " is no longer held by " + owner);
	}

}
