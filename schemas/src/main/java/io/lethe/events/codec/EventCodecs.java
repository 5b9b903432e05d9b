package io.lethe.events.codec;

import java.util.Map;

/**
 * Chooses a service's codec from its configuration: no registry URL, Avro single-object
 * encoding (the default); a URL, the Confluent wire format through that registry, reading
 * both formats. {@code encoding=single-object} with a URL keeps writing single-object
 * records while reading both, the first step of moving a topic over.
 */
public final class EventCodecs {

	/**
	 * Configuration key (Kafka client property or Spring property) of the registry URL.
	 */
	public static final String REGISTRY_URL = "lethe.events.schema-registry.url";

	/**
	 * Configuration key of the written format: {@code registry} or {@code single-object}.
	 */
	public static final String ENCODING = "lethe.events.encoding";

	private EventCodecs() {
	}

	/**
	 * @param registryUrl the registry's Confluent-compatible API; blank for none
	 * @param encoding {@code registry}, {@code single-object}, or blank for the default
	 * (registry when a URL is given)
	 */
	public static EventCodec create(String registryUrl, String encoding) {
		boolean hasRegistry = registryUrl != null && !registryUrl.isBlank();
		String format = (encoding == null || encoding.isBlank()) ? (hasRegistry ? "registry" : "single-object")
				: encoding.strip();
		switch (format) {
			case "single-object":
				return hasRegistry ? new RegistryEventCodec(new SchemaRegistryClient(registryUrl.strip()), false)
						: new AvroSingleObjectCodec();
			case "registry":
				if (!hasRegistry) {
					throw new IllegalArgumentException(
							ENCODING + "=registry needs " + REGISTRY_URL + " (LETHE_SCHEMA_REGISTRY_URL)");
				}
				return new RegistryEventCodec(new SchemaRegistryClient(registryUrl.strip()), true);
			default:
				throw new IllegalArgumentException(ENCODING + " is registry or single-object, not '" + format + "'");
		}
	}

	/** The codec that Kafka client configuration names (serializer or deserializer). */
	static EventCodec create(Map<String, ?> configs) {
		Object url = configs.get(REGISTRY_URL);
		Object encoding = configs.get(ENCODING);
		return create((url != null) ? url.toString() : null, (encoding != null) ? encoding.toString() : null);
	}

}
