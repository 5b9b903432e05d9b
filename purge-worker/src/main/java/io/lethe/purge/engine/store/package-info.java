/**
 * The store-facing plumbing of the purge: the job's prefixes and the catalog rows it
 * deletes, the listings and batches the object steps use, vacuum, and the in-step retry
 * of store calls. The steps and the reconciler share it: the reconciler retries its store
 * calls with {@link io.lethe.purge.engine.store.StoreRetry} and deletes orphaned versions
 * through {@link io.lethe.purge.engine.store.VersionBatches}, which is why it is a named
 * interface of the engine module. Its types are public for the steps in the engine's
 * other packages.
 */
@NamedInterface("store")
package io.lethe.purge.engine.store;

import org.springframework.modulith.NamedInterface;
