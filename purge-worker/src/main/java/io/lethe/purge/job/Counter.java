package io.lethe.purge.job;

/** The per-store progress a job reports: deleted so far, and the total when known. */
public enum Counter {

	VECTORS("vectors_deleted", "vectors_total"), OBJECTS("objects_deleted", "objects_total"),
	ROWS("rows_deleted", "rows_total");

	private final String deletedColumn;

	private final String totalColumn;

	Counter(String deletedColumn, String totalColumn) {
		this.deletedColumn = deletedColumn;
		this.totalColumn = totalColumn;
	}

	String deletedColumn() {
		return this.deletedColumn;
	}

	String totalColumn() {
		return this.totalColumn;
	}

}
