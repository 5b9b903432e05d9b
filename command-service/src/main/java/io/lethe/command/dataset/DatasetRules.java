package io.lethe.command.dataset;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The domain's rules for dataset fields, shared by validation and defaults. */
public final class DatasetRules {

	public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_]+$");

	public static final int NAME_MAX = 255;

	public static final int DESCRIPTION_MAX = 10_000;

	public static final Set<String> ASSET_TYPES = Set.of("image", "video", "audio", "document");

	public static final List<String> DEFAULT_ASSET_TYPES = List.of("image", "video");

	public static final Set<String> SAMPLING_METHODS = Set.of("intelligent", "uniform");

	public static final double FPS_MIN = 0.00001;

	public static final double FPS_MAX = 5;

	public static final int METADATA_FIELDS_MAX = 100;

	/** The largest {@code dataset_config} accepted, in bytes of JSON. */
	public static final int CONFIG_MAX_BYTES = 64 * 1024;

	private DatasetRules() {
	}

}
