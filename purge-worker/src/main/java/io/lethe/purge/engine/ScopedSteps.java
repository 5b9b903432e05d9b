package io.lethe.purge.engine;

import java.util.concurrent.ExecutorService;

import io.lethe.purge.engine.store.CatalogChunks;
import io.lethe.purge.engine.store.JobPrefixes;
import io.lethe.purge.engine.store.OrgAssetSweep;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.stores.object.ObjectStore;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the steps every root type shares but runs over its own {@link PurgeScope}: rows
 * and verify. Each plan wires its scope in, so a step never has to guess what it covers.
 * Public for the plans, which live in their root types' packages.
 */
@Component
public class ScopedSteps {

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final ObjectStore store;

	private final JobPrefixes prefixes;

	private final OrgAssetSweep sweep;

	private final ExecutorService listings;

	private final CatalogChunks chunks;

	private final ExecutorService rowRanges;

	ScopedSteps(TransactionTemplate transactions, EngineProperties properties, StoreRetry retry, ObjectStore store,
			JobPrefixes prefixes, OrgAssetSweep sweep, @Qualifier("prefixListings") ExecutorService listings,
			CatalogChunks chunks, @Qualifier("rowRanges") ExecutorService rowRanges) {
		this.chunks = chunks;
		this.rowRanges = rowRanges;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
		this.store = store;
		this.prefixes = prefixes;
		this.sweep = sweep;
		this.listings = listings;
	}

	public PurgeStep rows(PurgeScope scope) {
		return new RootRows(scope, this.transactions, this.properties, this.retry, this.rowRanges);
	}

	/**
	 * The count of the rows the rows step will delete, to run {@link Overlapped beside}
	 * an earlier step.
	 */
	public PurgeStep rowsTotal(PurgeScope scope) {
		return new RowsTotal(scope, this.retry);
	}

	public PurgeStep verify(PurgeScope scope) {
		return new RootVerification(scope, this.store, this.prefixes, this.sweep, this.retry, this.listings,
				this.properties, new InFlightWrites(this.chunks, this.properties.inFlightRecheck()));
	}

}
