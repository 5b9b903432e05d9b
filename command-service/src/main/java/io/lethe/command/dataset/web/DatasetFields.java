package io.lethe.command.dataset.web;

import io.lethe.command.dataset.DatasetRules;

/**
 * What the create and change bodies share: field descriptions and the documented messages
 * of their constraints (annotation values, so constants).
 */
final class DatasetFields {

	static final String NAME = "Unique among the org's live datasets: 1 to 255 letters, digits or underscores.";

	/**
	 * The name's characters only (its length has its own constraint and message, so an
	 * empty name is one problem, not two); the document shows it with the length.
	 */
	static final String NAME_CHARACTERS = "^[A-Za-z0-9_]*$";

	static final String NAME_TOO_SHORT = "String should have at least 1 character";

	static final String NAME_TOO_LONG = "String should have at most " + DatasetRules.NAME_MAX + " characters";

	static final String NAME_MISMATCH = "Name must only contain alphanumeric and underscore characters";

	static final String DESCRIPTION_TOO_LONG = "String should have at most " + DatasetRules.DESCRIPTION_MAX
			+ " characters";

	static final String TYPES = "What the dataset may hold; at least one.";

	/** Four kinds, each allowed a few repeats (they are de-duplicated). */
	static final int TYPES_MAX = 16;

	static final String TYPES_TOO_SHORT = "List should have at least 1 item";

	static final String TYPES_TOO_LONG = "List should have at most " + TYPES_MAX + " items";

	static final String TYPE_LENGTH = "String should have 1 to 64 characters and no NUL";

	static final String FPS_TOO_LOW = "Input should be greater than or equal to 0.00001";

	static final String FPS_TOO_HIGH = "Input should be less than or equal to 5";

	static final String METADATA_TOO_LONG = "List should have at most " + DatasetRules.METADATA_FIELDS_MAX + " items";

	static final String METADATA_LENGTH = "String should have 1 to 255 characters and no NUL";

	private DatasetFields() {
	}

}
