package io.lethe.purge.engine.shard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shard tasks ({@code lethe.purge.shards.*}).
 *
 * @param enabled whether this worker helps with shards of jobs other workers hold (its
 * own jobs' shards are always published and worked through)
 * @param interval how often a helping worker looks for shards to claim
 * @param inFlight shards a helping worker empties at once
 * @param lease how long a claim on a shard lasts without a renewal; renewed every third
 * of that, claimable by any worker once it lapses
 * @param recheck how long a job's worker waits, when every shard left is claimed by
 * others, before it looks again
 * @param helpAttempts claims of a shard after which helpers leave it to its job's worker
 */
@ConfigurationProperties("lethe.purge.shards")
public record ShardProperties(@DefaultValue("true") boolean enabled, @DefaultValue("250ms") Duration interval,
		@DefaultValue("4") int inFlight, @DefaultValue("PT30S") Duration lease, @DefaultValue("200ms") Duration recheck,
		@DefaultValue("3") int helpAttempts) {

	public ShardProperties {
		if (lease.toMillis() < 300) {
			throw new IllegalArgumentException("lethe.purge.shards.lease must be at least 300 ms");
		}
		if (inFlight < 1 || helpAttempts < 1 || interval.isNegative() || interval.isZero() || recheck.isNegative()
				|| recheck.isZero()) {
			throw new IllegalArgumentException(
					"lethe.purge.shards: in-flight and help-attempts must be positive, interval and recheck too");
		}
	}

}
