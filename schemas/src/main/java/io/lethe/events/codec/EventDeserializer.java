package io.lethe.events.codec;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for Lethe events. Bytes it cannot resolve raise
 * {@link UndecodableEventException}, which a consumer's error handler dead-letters rather
 * than retries.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

	private EventCodec codec;

	private final boolean configurable;

	public EventDeserializer() {
		this.codec = new AvroSingleObjectCodec();
		this.configurable = true;
	}

	public EventDeserializer(EventCodec codec) {
		this.codec = codec;
		this.configurable = false;
	}

	/**
	 * Named by class in a Kafka client's configuration, it takes its codec from the same
	 * configuration ({@link EventCodecs#REGISTRY_URL}, {@link EventCodecs#ENCODING}).
	 */
	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (this.configurable) {
			this.codec = EventCodecs.create(configs);
		}
	}

	@Override
	public SpecificRecord deserialize(String topic, byte[] data) {
		return (data != null) ? this.codec.decode(data) : null;
	}

}
