package io.lethe.events.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for Lethe events, in Avro single-object encoding. */
public class EventSerializer implements Serializer<SpecificRecord> {

	private final EventCodec codec;

	public EventSerializer() {
		this(new AvroSingleObjectCodec());
	}

	public EventSerializer(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord event) {
		return (event != null) ? this.codec.encode(event) : null;
	}

}
