package io.lethe.events.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecsTests {

	@Test
	void withoutARegistryEventsAreSingleObjectEncoded() {
		assertThat(EventCodecs.create("", null)).isInstanceOf(AvroSingleObjectCodec.class);
		assertThat(EventCodecs.create(null, "single-object")).isInstanceOf(AvroSingleObjectCodec.class);
	}

	@Test
	void theRegistryEncodingWithoutARegistryUrlIsAConfigurationErrorThatNamesTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCodecs.create(" ", "registry"))
			.withMessageContaining("LETHE_SCHEMA_REGISTRY_URL");
		assertThatIllegalArgumentException().isThrownBy(() -> EventCodecs.create(null, "confluent"))
			.withMessageContaining("registry or single-object");
	}

	@Test
	void aSingleObjectReaderWithoutARegistryRefusesTheConfluentWireFormatAsUndecodable() {
		byte[] wire = { 0x00, 0x00, 0x00, 0x00, 0x2A, 0x02, 0x61 };

		assertThatThrownBy(() -> new AvroSingleObjectCodec().decode(wire)).isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("schema id 42")
			.hasMessageContaining(EventCodecs.REGISTRY_URL);
	}

}
