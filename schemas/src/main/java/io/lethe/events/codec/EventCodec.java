package io.lethe.events.codec;

import org.apache.avro.specific.SpecificRecord;

/**
 * Turns Lethe events into the bytes that travel on Kafka and back. The only place that
 * knows the wire format, so that a schema-registry serde can replace the single-object
 * encoding without touching callers.
 */
public interface EventCodec {

	byte[] encode(SpecificRecord event);

	/**
	 * Decodes bytes written by any known version of any Lethe event, resolved against
	 * this reader's schema.
	 * @throws UndecodableEventException when the bytes are not a Lethe event this reader
	 * can resolve
	 */
	SpecificRecord decode(byte[] bytes);

}
