package io.lethe.consumer;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The library's own Kafka clients, built from the application's {@code spring.kafka.*}
 * (broker, login) but kept out of its beans, so that the application's own
 * {@code KafkaTemplate} and listener factories stay as Spring Boot makes them. Raw bytes
 * both ways: the events are decoded and encoded with Lethe's codec, so a record nobody
 * can decode reaches the listener, which skips it, instead of failing every poll.
 */
class ConsumerKafka implements DisposableBean {

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final ConsumerFactory<String, byte[]> consumers;

	private final KafkaTemplate<String, byte[]> template;

	ConsumerKafka(KafkaProperties kafka, ConsumerProperties properties) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		this.producers = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producers);
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
		// a new consumer answers every deletion still on the topic, never skips one
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumers = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	KafkaTemplate<String, byte[]> template() {
		return this.template;
	}

	ConsumerFactory<String, byte[]> consumers() {
		return this.consumers;
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

}
