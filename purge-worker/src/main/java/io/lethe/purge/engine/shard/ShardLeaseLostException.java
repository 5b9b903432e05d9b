package io.lethe.purge.engine.shard;

/**
 * A shard's lease is no longer its worker's: it lapsed, another worker claimed the shard,
 * or the job stopped running. The shard's work stops; the job goes on.
 */
public class ShardLeaseLostException extends RuntimeException {

	ShardLeaseLostException(ShardLease lease) {
		super("The lease of " + lease.owner() + " on shard " + lease.shard() + " (" + lease.prefix() + ") of job "
				+ lease.jobId() + " is lost");
	}

}
