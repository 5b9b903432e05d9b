package io.lethe.command.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.codec.AvroSingleObjectCodec;
import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventCodecs;
import io.lethe.events.codec.LetheEvents;
import io.lethe.events.codec.RegistryEventCodec;
import io.lethe.events.codec.SchemaCompatibilityGate;
import io.lethe.events.codec.SchemaRegistryClient;
import io.lethe.events.codec.SchemaRegistryClient.IncompatibleSchemaException;
import io.lethe.events.codec.UndecodableEventException;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lethe's events through a real schema registry (Apicurio, built on this machine) in the
 * Confluent wire format, on the real broker. No Spring context: the codec is what is
 * under test, as both services build it from {@code lethe.events.schema-registry.url}.
 */
class SchemaRegistryIntegrationTests {

	private static TestSchemaRegistry registry;

	private static String bootstrap;

	private static RegistryEventCodec registryCodec;

	@BeforeAll
	static void aRegistryAndABroker() {
		registry = TestInfrastructure.schemaRegistry();
		bootstrap = TestInfrastructure.kafka().bootstrapServers();
		registryCodec = (RegistryEventCodec) EventCodecs.create(registry.confluentApi(), null);
	}

	@Test
	void everyEventTypeRoundTripsThroughTheBrokerInTheConfluentWireFormat() throws Exception {
		String topic = newTopic();
		List<SpecificRecord> sent = new ArrayList<>();
		for (Class<? extends SpecificRecord> type : LetheEvents.TYPES) {
			sent.add(SampleEvents.of(type));
		}

		List<byte[]> payloads = sent.stream().map(registryCodec::encode).toList();
		produce(topic, payloads);
		List<byte[]> received = consume(topic, payloads.size());

		assertThat(payloads).allSatisfy((bytes) -> assertThat(bytes[0]).isZero());
		assertThat(received.stream().map(registryCodec::decode).toList()).containsExactlyElementsOf(sent);
		String subjects = get(registry.confluentApi() + "/subjects");
		for (SpecificRecord event : sent) {
			assertThat(subjects).contains("\"" + event.getSchema().getFullName() + "\"");
		}
		assertThat(get(registry.confluentApi() + "/config/io.lethe.events.DatasetDeletionRequested"))
			.contains("FULL_TRANSITIVE");
	}

	@Test
	void aSingleObjectReaderAndARegistryReaderBothReadATopicHoldingBothFormats() throws Exception {
		String topic = newTopic();
		SpecificRecord before = SampleEvents.of(DatasetDeletionRequested.class);
		SpecificRecord after = SampleEvents.of(DatasetDeletionRequested.class);
		produce(topic, List.of(new AvroSingleObjectCodec().encode(before), registryCodec.encode(after)));
		// mid-migration: this reader still writes single-object records, and reads both
		EventCodec singleObjectMode = EventCodecs.create(registry.confluentApi(), "single-object");

		List<byte[]> received = consume(topic, 2);

		assertThat(received.get(0)[0]).isEqualTo((byte) 0xC3);
		assertThat(received.get(1)[0]).isZero();
		assertThat(received.stream().map(singleObjectMode::decode).toList()).containsExactly(before, after);
		assertThat(received.stream().map(registryCodec::decode).toList()).containsExactly(before, after);
		assertThat(singleObjectMode.encode(before)).isEqualTo(new AvroSingleObjectCodec().encode(before));
	}

	@Test
	void aRecordNamingAnIdTheRegistryNeverIssuedIsUndecodableSoTheWorkerDeadLettersIt() {
		byte[] strange = { 0x00, 0x7F, 0x00, 0x00, 0x01, 0x02, 0x61 };

		assertThatThrownBy(() -> registryCodec.decode(strange)).isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("unknown");
	}

	@Test
	void anIncompatibleSchemaChangeIsRefusedByTheRegistryAsByTheBuildsGate() {
		Schema current = DatasetDeletionRequested.getClassSchema();
		// a new field without a default: old records cannot be read with it
		Schema.Parser parser = new Schema.Parser();
		Schema incompatible = parser.parse(current.toString()
			.replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},"));
		SchemaRegistryClient client = new SchemaRegistryClient(registry.confluentApi());
		RegistryEventCodec.registerWithCompatibility(client, current);

		assertThatThrownBy(() -> client.register(RegistryEventCodec.subject(incompatible), incompatible))
			.isInstanceOf(IncompatibleSchemaException.class);
		// the same change fails the build before any registry sees it
		// (SchemaCompatibilityGateTests)
		assertThat(SchemaCompatibilityGate.check(List.of(incompatible),
				List.of(new SchemaCompatibilityGate.NamedSchema("current", current))))
			.isNotEmpty();
	}

	/**
	 * A downstream team's consumer: the schema id from the payload, the writer schema
	 * from the registry's Confluent-compatible REST API over plain HTTP, the body decoded
	 * with plain Avro. No Lethe class decodes anything here.
	 */
	@Test
	void aDownstreamConsumerDecodesTheWireFormatWithPlainAvroAndTheRegistrysRestApi() throws Exception {
		String topic = newTopic();
		DatasetDeletionRequested sent = SampleEvents.of(DatasetDeletionRequested.class);
		produce(topic, List.of(registryCodec.encode(sent)));

		byte[] payload = consume(topic, 1).get(0);
		assertThat(payload[0]).isZero();
		int schemaId = ByteBuffer.wrap(payload, 1, 4).getInt();
		String answer = get(registry.confluentApi() + "/schemas/ids/" + schemaId);
		Schema writer = new Schema.Parser().parse(new ObjectMapper().readTree(answer).path("schema").asText());
		GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null,
				DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));

		assertThat(writer.getFullName()).isEqualTo("io.lethe.events.DatasetDeletionRequested");
		assertThat(record.get("dataset_id")).hasToString(sent.getDatasetId());
		assertThat(record.get("event_id")).hasToString(sent.getEventId());
		assertThat(record.get("occurred_at")).isEqualTo(sent.getOccurredAt().toEpochMilli());
	}

	private static String newTopic() throws Exception {
		String topic = "registry-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		return topic;
	}

	private static void produce(String topic, List<byte[]> payloads) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			for (byte[] payload : payloads) {
				producer.send(new ProducerRecord<>(topic, "root", payload)).get();
			}
		}
	}

	private static List<byte[]> consume(String topic, int count) {
		List<byte[]> received = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"registry-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(30);
			while (received.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(250)).forEach((record) -> received.add(record.value()));
			}
		}
		assertThat(received).hasSize(count);
		return received;
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
		return response.body();
	}

}
