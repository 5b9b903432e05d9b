package io.lethe.command.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What kind of media an asset is; datasets restrict which kinds they accept. */
public enum AssetType {

	IMAGE, VIDEO, AUDIO, DOCUMENT;

	public static final Set<String> VALUES = Arrays.stream(values())
		.map(AssetType::value)
		.collect(Collectors.toUnmodifiableSet());

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<AssetType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equals(value)).findFirst();
	}

	/**
	 * The kind a content type names: {@code image/*}, {@code video/*}, {@code audio/*},
	 * anything else a document.
	 */
	public static AssetType fromContentType(String contentType) {
		String type = (contentType == null) ? "" : contentType.toLowerCase(Locale.ROOT);
		if (type.startsWith("image/")) {
			return IMAGE;
		}
		if (type.startsWith("video/")) {
			return VIDEO;
		}
		if (type.startsWith("audio/")) {
			return AUDIO;
		}
		return DOCUMENT;
	}

}
