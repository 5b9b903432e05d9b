package io.lethe.command.openapi;

import java.util.Map;

/**
 * The tags a reader follows through the documents: one per resource of the native API,
 * one for the operator API's parts, one per compatibility API.
 */
public final class Tags {

	public static final String DATASETS = "Datasets";

	public static final String DELETIONS = "Deletions";

	public static final String ASSETS = "Assets";

	public static final String UPLOADS = "Uploads";

	public static final String ITEMS = "Items";

	public static final String ENTITIES = "Entities";

	public static final String SHARE_LINKS = "Share links";

	public static final String RECEIPTS = "Receipts";

	public static final String PURGES = "Purges";

	public static final String LEGAL_HOLDS = "Legal holds";

	public static final String RECONCILIATION = "Reconciliation";

	public static final String AUDIT = "Audit";

	public static final String CONSUMERS = "Downstream consumers";

	public static final String ACKNOWLEDGEMENTS = "Acknowledgements";

	public static final String SUBWORKFLOW = "Subworkflow";

	public static final String TWELVELABS = "TwelveLabs";

	public static final String MODELARTS = "ModelArts";

	static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry(DATASETS, "Create, read, change, delete and restore datasets (the Coactive dataset resource)."),
			Map.entry(DELETIONS,
					"Where a deletion stands (state, purge progress, the signed receipt), and batch deletes of samples."),
			Map.entry(ASSETS, "Upload files as assets, read them, change their metadata and delete them."),
			Map.entry(UPLOADS, "Large files in parts: start, send parts, complete or abort."),
			Map.entry(ITEMS, "An asset placed in a dataset, its vectors, and nearest-neighbour search."),
			Map.entry(ENTITIES, "Named entities and the assets linked to them."),
			Map.entry(SHARE_LINKS, "Public read-only links to a dataset's summary."),
			Map.entry(RECEIPTS,
					"The public keys anyone verifies a store or completion receipt's JWS with, and a check of one."),
			Map.entry(PURGES, "Operators: purge jobs, purge-now, retries and dead-letter replays."),
			Map.entry(LEGAL_HOLDS, "Operators: legal holds that keep a dataset from ever being purged."),
			Map.entry(RECONCILIATION, "Operators: find and remove what no catalog row owns."),
			Map.entry(AUDIT, "Operators: the audit log of every action, done or refused."),
			Map.entry(CONSUMERS, "Operators: the downstream consumers a deletion waits for, and the answers overdue."),
			Map.entry(ACKNOWLEDGEMENTS, "Downstream consumers (consumer keys only): answer a deletion."),
			Map.entry(SUBWORKFLOW, "Subworkflow's dataset delete (immediate expiry), in its envelope."),
			Map.entry(TWELVELABS, "TwelveLabs' asset delete and the routes that tell what it would block or unlink."),
			Map.entry(MODELARTS, "Huawei ModelArts' batch delete of samples."));

	private Tags() {
	}

}
