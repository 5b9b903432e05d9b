package io.lethe.purge.intake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventCodecs;
import io.lethe.events.codec.EventSerializer;
import io.lethe.events.codec.Topics;
import io.lethe.events.codec.UndecodableEventException;
import io.lethe.purge.metrics.PurgeMetrics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import io.lethe.stores.retry.TransientFailures;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;

/**
 * The worker's Kafka wiring. Failure handling is configuration: a record whose failure is
 * the infrastructure's and passes (a database blip, a lost connection, a lock timeout, a
 * broker hiccup; see {@link TransientFailures}) is retried with exponential back-off,
 * capped, for as long as it lasts, and never dead-lettered: its delete was accepted and
 * must be purged. Any other failure is tried a bounded number of times, then published to
 * {@code lethe.deletions.DLT} with the cause in its {@code kafka_dlt-exception-*}
 * headers, and the partition moves on. Records that retrying cannot fix (undecodable
 * bytes, an unknown writer schema, invalid ids) are dead-lettered at once.
 * <p>
 * One idempotent producer ({@code acks=all}) sends both the worker's events and dead
 * letters: an event is Avro-encoded, the raw bytes of an undecodable record are passed
 * through unchanged so they can be inspected and replayed.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/** The dead letter's header that names the root cause of its failure. */
	static final String REASON_HEADER = "lethe-dlt-reason";

	/**
	 * Avro single-object encoding, or with a schema registry configured the Confluent
	 * wire format through it (README, Events); the consumer's deserializer takes the same
	 * settings from application.yml.
	 */
	@Bean
	EventCodec eventCodec(@Value("${lethe.events.schema-registry.url:}") String registryUrl,
			@Value("${lethe.events.encoding:}") String encoding) {
		return EventCodecs.create(registryUrl, encoding);
	}

	@Bean
	ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties properties, EventCodec codec) {
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(SpecificRecord.class, new EventSerializer(codec));
		return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(byType, true));
	}

	@Bean
	KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

	@Bean
	DefaultErrorHandler deletionErrorHandler(KafkaTemplate<String, Object> template, IntakeProperties properties,
			PurgeMetrics metrics) {
		// The DLT may have fewer partitions than the topic: let the producer choose.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.DELETIONS_DLT, -1));
		// The standard headers name the wrapper (a DeserializationException says only
		// "failed to deserialize"); this one names the root cause in one line.
		recoverer.addHeadersFunction((record, ex) -> new RecordHeaders(
				new Header[] { new RecordHeader(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			recoverer.accept(record, ex);
			metrics.deadLettered();
		}, properties.permanent().toBackOff());
		handler.addNotRetryableExceptions(UndecodableEventException.class, InvalidEventException.class);
		BackOff whileTransient = properties.transientBackoff().toBackOff();
		handler.setBackOffFunction((record, ex) -> passes(ex) ? whileTransient : null);
		// a record whose failure changes kind (transient to permanent) is judged afresh
		handler.setResetStateOnExceptionChange(true);
		return handler;
	}

	/** A failure that passes: the stores' ({@link TransientFailures}) or the broker's. */
	static boolean passes(Throwable ex) {
		if (TransientFailures.isTransient(ex)) {
			return true;
		}
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
	}

	static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Bean
	NewTopic deletionsTopic() {
		return TopicBuilder.name(Topics.DELETIONS).partitions(Topics.DELETIONS_PARTITIONS).build();
	}

	@Bean
	NewTopic purgeEventsTopic() {
		return TopicBuilder.name(Topics.PURGE_EVENTS).partitions(Topics.DELETIONS_PARTITIONS).build();
	}

	@Bean
	NewTopic deletionsDeadLetterTopic() {
		return TopicBuilder.name(Topics.DELETIONS_DLT).partitions(1).build();
	}

}
