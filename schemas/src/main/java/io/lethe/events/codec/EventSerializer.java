package io.lethe.events.codec;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for Lethe events, in Avro single-object encoding. */
public class EventSerializer implements Serializer<SpecificRecord> {

	private EventCodec codec;

	private final boolean configurable;

	public EventSerializer() {
		this.codec = new AvroSingleObjectCodec();
		this.configurable = true;
	}

	public EventSerializer(EventCodec codec) {
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
	public byte[] serialize(String topic, SpecificRecord event) {
		return (event != null) ? this.codec.encode(event) : null;
	}

}
