/**
 * Shard tasks: a job's step cut into shards that several workers empty at once. The job's
 * own worker publishes its step's shards ({@link io.lethe.purge.engine.shard.ShardTasks})
 * and works through them ({@link io.lethe.purge.engine.shard.ShardSweep}); other workers
 * help with shards of jobs they do not hold
 * ({@link io.lethe.purge.engine.shard.ShardHelp}). Every shard is worked on under a lease
 * of its own, so no shard ever runs on two workers at once, and a dead worker's shard is
 * claimed again once its lease lapses. A named interface of the engine module for the
 * runner, which schedules the help.
 */
@NamedInterface("shard")
package io.lethe.purge.engine.shard;

import org.springframework.modulith.NamedInterface;
