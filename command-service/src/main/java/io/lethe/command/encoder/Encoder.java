package io.lethe.command.encoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A model that turns assets into vectors. Its {@code dimension} is fixed: every vector
 * stored under it has exactly that many components.
 */
public record Encoder(String name, int dimension, String modality, List<String> modalities) {

	public Encoder {
		if (dimension < 1 || dimension > 16_000) {
			throw new IllegalArgumentException("Encoder " + name + ": dimension must be 1..16000");
		}
		modalities = List.copyOf(modalities);
	}

	/** A stable id, the same in every dataset that uses this encoder. */
	public UUID id() {
		return UUID.nameUUIDFromBytes(("lethe-encoder:" + this.name).getBytes(StandardCharsets.UTF_8));
	}

}
