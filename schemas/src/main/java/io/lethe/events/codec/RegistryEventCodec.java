package io.lethe.events.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Lethe's events through a schema registry, in the Confluent wire format: {@code 00}, the
 * schema's 4-byte big-endian registry id, then the Avro binary body, which any
 * registry-aware Kafka consumer reads. It reads single-object encoded records too (the
 * first byte tells which), so a topic moves from one format to the other without a flag
 * day: readers get a registry first, then writers switch.
 * <p>
 * Subjects follow the record-name strategy (the event's full name, e.g.
 * {@code io.lethe.events.DatasetDeletionRequested}), not {@code <topic>-value}: a Lethe
 * topic carries several event types, and one subject per topic would hold them as
 * successive versions of one schema, which FULL_TRANSITIVE compatibility (rightly)
 * refuses. Each subject is one event's history, the unit the build's gate checks.
 */
public final class RegistryEventCodec implements EventCodec {

	/** The compatibility level set on every Lethe subject, as the build's gate checks. */
	public static final String COMPATIBILITY = "FULL_TRANSITIVE";

	private static final byte MAGIC = 0x00;

	private static final int HEADER_LENGTH = 5;

	private final SchemaRegistryClient registry;

	private final boolean writesWireFormat;

	private final AvroSingleObjectCodec singleObject = new AvroSingleObjectCodec();

	private final Map<Class<?>, Integer> idsByType = new HashMap<>();

	private final Map<String, Class<? extends SpecificRecord>> typesByName = new HashMap<>();

	private final Map<Integer, Schema> writersById = new ConcurrentHashMap<>();

	/**
	 * @param writesWireFormat whether {@link #encode} writes the Confluent wire format
	 * (and so registers every event's schema now, failing fast when the registry cannot
	 * be reached) or still single-object encoding, for a reader that a migration has
	 * given a registry before its writers switch
	 */
	public RegistryEventCodec(SchemaRegistryClient registry, boolean writesWireFormat) {
		this(registry, writesWireFormat, LetheEvents.TYPES);
	}

	RegistryEventCodec(SchemaRegistryClient registry, boolean writesWireFormat,
			List<Class<? extends SpecificRecord>> types) {
		LetheEvents.trustEventClasses();
		this.registry = registry;
		this.writesWireFormat = writesWireFormat;
		for (Class<? extends SpecificRecord> type : types) {
			Schema schema = SpecificData.getForClass(type).getSchema(type);
			this.typesByName.put(schema.getFullName(), type);
			if (writesWireFormat) {
				int id = registerWithCompatibility(registry, schema);
				this.idsByType.put(type, id);
				// records of the current schemas decode without asking the registry (only
				// other
				// versions' ids are fetched, once each), so a registry outage spares them
				this.writersById.put(id, schema);
			}
		}
	}

	/**
	 * Registers the schema under its record-name subject, FULL_TRANSITIVE from then on.
	 */
	public static int registerWithCompatibility(SchemaRegistryClient registry, Schema schema) {
		int id = registry.register(subject(schema), schema);
		registry.setCompatibility(subject(schema), COMPATIBILITY);
		return id;
	}

	/** The registry subject of an event's schema (record-name strategy). */
	public static String subject(Schema schema) {
		return schema.getFullName();
	}

	public boolean writesWireFormat() {
		return this.writesWireFormat;
	}

	@Override
	public byte[] encode(SpecificRecord event) {
		if (!this.writesWireFormat) {
			return this.singleObject.encode(event);
		}
		Integer id = this.idsByType.get(event.getClass());
		if (id == null) {
			throw new IllegalArgumentException("Not a Lethe event: " + event.getClass().getName());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		out.write(MAGIC);
		out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
		try {
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
			new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
			encoder.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not encode " + event.getClass().getSimpleName(), ex);
		}
		return out.toByteArray();
	}

	@Override
	public SpecificRecord decode(byte[] bytes) {
		if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MAGIC) {
			return this.singleObject.decode(bytes);
		}
		int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
		Schema writer = this.writersById.computeIfAbsent(id, this::fetch);
		Class<? extends SpecificRecord> type = this.typesByName.get(writer.getFullName());
		if (type == null) {
			throw new UndecodableEventException(
					"Schema id " + id + " is " + writer.getFullName() + ", not a Lethe event this reader knows");
		}
		SpecificData model = SpecificData.getForClass(type);
		try {
			BinaryDecoder decoder = DecoderFactory.get()
				.binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
			return new SpecificDatumReader<SpecificRecord>(writer, model.getSchema(type), model).read(null, decoder);
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException ex) {
			throw new UndecodableEventException("Corrupt event body (schema id " + id + "): " + ex.getMessage(), ex);
		}
	}

	private Schema fetch(int id) {
		try {
			return this.registry.schema(id);
		}
		catch (SchemaRegistryClient.SchemaRegistryException ex) {
			if (ex.getMessage().contains(" 404")) {
				// an id this registry never issued: no retry will find it
				throw new UndecodableEventException("Schema id " + id + " is unknown to " + this.registry.baseUrl(),
						ex);
			}
			throw ex;
		}
	}

}
