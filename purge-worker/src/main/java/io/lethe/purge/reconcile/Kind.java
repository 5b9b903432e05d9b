package io.lethe.purge.reconcile;

import java.util.Locale;

/** What the reconciler finds: each kind of data that no live catalog row owns. */
enum Kind {

	/**
	 * Versions of a key that has an object intent but no catalog row: the process died
	 * (or its commit failed) between writing the object and committing the row.
	 */
	UNCOMMITTED_OBJECT,

	/**
	 * Versions of a key that no catalog row owns and no intent names: its owner was
	 * purged or never recorded.
	 */
	UNOWNED_OBJECT,

	/** Versions of a live key other than its current one, which no read ever returns. */
	EXTRA_VERSION,

	/** Delete markers of keys without an owner, and superseded markers of live keys. */
	DELETE_MARKER,

	/**
	 * Multipart uploads the catalog does not record: the process died between starting
	 * the upload and committing its row, so no one can complete it.
	 */
	UNRECORDED_UPLOAD,

	/** Multipart uploads the catalog recorded longer ago than the upload threshold. */
	ABANDONED_UPLOAD,

	/** Object intents whose key holds no object and no row: nothing left to clean. */
	STALE_INTENT,

	/** Vectors whose item row is gone. */
	ORPHAN_VECTOR;

	/** The kind's name in reports and metrics. */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
