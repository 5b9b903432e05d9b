package io.lethe.command.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Strict UUID parsing for ids that arrive as text: {@code UUID.fromString} also accepts
 * short forms such as {@code 1-2-3-4-5}, which name no resource here.
 */
public final class Uuids {

	private Uuids() {
	}

	/** The UUID in canonical 8-4-4-4-12 form (any case), or empty. */
	public static Optional<UUID> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			UUID uuid = UUID.fromString(value);
			return uuid.toString().equalsIgnoreCase(value) ? Optional.of(uuid) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
