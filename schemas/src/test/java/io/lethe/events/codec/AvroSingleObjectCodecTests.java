package io.lethe.events.codec;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.PurgeRequested;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSingleObjectCodecTests {

	private final AvroSingleObjectCodec codec = new AvroSingleObjectCodec();

	@Test
	void everyMessageStartsWithTheSingleObjectHeaderAndTheWriterFingerprint() {
		byte[] bytes = this.codec.encode(datasetDeletionRequested());

		assertThat(bytes[0]).isEqualTo((byte) 0xC3);
		assertThat(bytes[1]).isEqualTo((byte) 0x01);
		long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
		assertThat(fingerprint).isEqualTo(AvroSingleObjectCodec.fingerprint(DatasetDeletionRequested.getClassSchema()));
	}

	@Test
	void eventsOfDifferentTypesDecodeToTheirOwnClass() {
		DatasetDeletionRequested deletion = datasetDeletionRequested();
		PurgeRequested purge = PurgeRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId("org")
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setRootType("dataset")
			.setRootId(UUID.randomUUID().toString())
			.setRequestedBy("operator")
			.setReason(null)
			.build();

		assertThat(this.codec.decode(this.codec.encode(deletion))).isEqualTo(deletion);
		assertThat(this.codec.decode(this.codec.encode(purge))).isEqualTo(purge);
	}

	@Test
	void anOlderWriterIsResolvedAgainstTheCurrentReaderWithDefaults() {
		Schema olderWriter = SchemaBuilder.record("AssetDeletionRequested")
			.namespace("io.lethe.events")
			.fields()
			.requiredString("event_id")
			.requiredString("org_id")
			.name("occurred_at")
			.type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
			.noDefault()
			.requiredString("asset_id")
			.requiredString("requested_by")
			.endRecord();
		GenericRecord old = new GenericData.Record(olderWriter);
		old.put("event_id", "e-1");
		old.put("org_id", "org");
		old.put("occurred_at", 1_700_000_000_000L);
		old.put("asset_id", "asset-1");
		old.put("requested_by", "key-1");
		byte[] bytes = encodeGeneric(olderWriter, old);
		AvroSingleObjectCodec reader = new AvroSingleObjectCodec(LetheEvents.TYPES, List.of(olderWriter));

		AssetDeletionRequested decoded = (AssetDeletionRequested) reader.decode(bytes);

		assertThat(decoded.getAssetId()).isEqualTo("asset-1");
		assertThat(decoded.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
		assertThat(decoded.getForce()).isFalse();
		assertThat(decoded.getCascade()).isFalse();
	}

	@Test
	void bytesThatAreNotALetheEventAreRejectedAsUndecodable() {
		assertThatThrownBy(() -> this.codec.decode("{\"json\":true}".getBytes()))
			.isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("header");
		byte[] unknownFingerprint = new byte[] { (byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0 };
		assertThatThrownBy(() -> this.codec.decode(unknownFingerprint)).isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("Unknown writer schema");
		byte[] truncated = this.codec.encode(datasetDeletionRequested());
		byte[] cut = java.util.Arrays.copyOf(truncated, 14);
		assertThatThrownBy(() -> this.codec.decode(cut)).isInstanceOf(UndecodableEventException.class);
	}

	@Test
	void theJarCarriesEveryReleasedVersionListedInTheHistoryIndex() {
		List<Schema> history = LetheEvents.history();

		assertThat(history).extracting(Schema::getName)
			.containsAll(LetheEvents.TYPES.stream().map(Class::getSimpleName).toList());
	}

	private static byte[] encodeGeneric(Schema schema, GenericRecord record) {
		try {
			ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DatasetDeletionRequested datasetDeletionRequested() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return DatasetDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(UUID.randomUUID().toString())
			.setOccurredAt(now)
			.setDatasetId(UUID.randomUUID().toString())
			.setRequestedBy("key-1")
			.setExpiresAt(now.plusSeconds(3600))
			.build();
	}

}
