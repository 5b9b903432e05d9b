package io.lethe.events.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for Lethe events. Bytes it cannot resolve raise
 * {@link UndecodableEventException}, which a consumer's error handler dead-letters rather
 * than retries.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

	private final EventCodec codec;

	public EventDeserializer() {
		this(new AvroSingleObjectCodec());
	}

	public EventDeserializer(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public SpecificRecord deserialize(String topic, byte[] data) {
		return (data != null) ? this.codec.decode(data) : null;
	}

}
