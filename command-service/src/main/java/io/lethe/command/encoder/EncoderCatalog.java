package io.lethe.command.encoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The encoders datasets may name, from configuration ({@code lethe.encoders.<name>}). */
@Component
public class EncoderCatalog {

	private final Map<String, Encoder> encoders;

	private final String defaultEncoder;

	EncoderCatalog(EncoderProperties properties) {
		Map<String, Encoder> byName = new LinkedHashMap<>();
		properties.encoders()
			.forEach((name, spec) -> byName.put(name,
					new Encoder(name, spec.dimension(), spec.modality(), spec.modalities())));
		if (!byName.containsKey(properties.defaultEncoder())) {
			throw new IllegalStateException("lethe.default-encoder " + properties.defaultEncoder()
					+ " is not one of lethe.encoders " + byName.keySet());
		}
		this.encoders = Collections.unmodifiableMap(byName);
		this.defaultEncoder = properties.defaultEncoder();
	}

	public Optional<Encoder> find(String name) {
		return Optional.ofNullable(this.encoders.get(name));
	}

	public Encoder require(String name) {
		return find(name).orElseThrow(() -> new IllegalStateException("Unknown encoder " + name));
	}

	public Set<String> names() {
		return this.encoders.keySet();
	}

	public String defaultEncoder() {
		return this.defaultEncoder;
	}

	/** The encoders as configured. */
	@ConfigurationProperties("lethe")
	record EncoderProperties(Map<String, Spec> encoders, String defaultEncoder) {

		record Spec(int dimension, String modality, List<String> modalities) {
		}

	}

}
