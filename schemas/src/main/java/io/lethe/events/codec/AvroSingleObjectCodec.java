package io.lethe.events.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema, then the binary body. The fingerprint lets several
 * event types share a topic and lets a reader resolve bytes written by any released
 * version of a schema against its own.
 */
public final class AvroSingleObjectCodec implements EventCodec {

	private static final int HEADER_LENGTH = 10;

	private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();

	private final Map<Long, BinaryMessageDecoder<SpecificRecord>> decodersByFingerprint = new HashMap<>();

	public AvroSingleObjectCodec() {
		this(LetheEvents.TYPES, LetheEvents.history());
	}

	AvroSingleObjectCodec(List<Class<? extends SpecificRecord>> types, List<Schema> olderWriters) {
		LetheEvents.trustEventClasses();
		for (Class<? extends SpecificRecord> type : types) {
			SpecificData model = SpecificData.getForClass(type);
			Schema reader = model.getSchema(type);
			this.encoders.put(type, new BinaryMessageEncoder<>(model, reader));
			BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, reader);
			this.decodersByFingerprint.put(fingerprint(reader), decoder);
			for (Schema writer : olderWriters) {
				if (writer.getFullName().equals(reader.getFullName())) {
					decoder.addSchema(writer);
					this.decodersByFingerprint.put(fingerprint(writer), decoder);
				}
			}
		}
	}

	@Override
	public byte[] encode(SpecificRecord event) {
		BinaryMessageEncoder<SpecificRecord> encoder = this.encoders.get(event.getClass());
		if (encoder == null) {
			throw new IllegalArgumentException("Not a Lethe event: " + event.getClass().getName());
		}
		try {
			ByteBuffer buffer = encoder.encode(event);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not encode " + event.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public SpecificRecord decode(byte[] bytes) {
		if (bytes != null && bytes.length > 4 && bytes[0] == 0x00) {
			throw new UndecodableEventException(
					"Confluent wire format (schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt()
							+ "), and no schema registry is configured (" + EventCodecs.REGISTRY_URL + ")");
		}
		if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
			throw new UndecodableEventException("Not Avro single-object encoded (missing C3 01 header)");
		}
		long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		BinaryMessageDecoder<SpecificRecord> decoder = this.decodersByFingerprint.get(fingerprint);
		if (decoder == null) {
			throw new UndecodableEventException("Unknown writer schema, fingerprint " + Long.toHexString(fingerprint));
		}
		try {
			return decoder.decode(bytes);
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException ex) {
			throw new UndecodableEventException("Corrupt event body: " + ex.getMessage(), ex);
		}
	}

	static long fingerprint(Schema schema) {
		return SchemaNormalization.parsingFingerprint64(schema);
	}

}
