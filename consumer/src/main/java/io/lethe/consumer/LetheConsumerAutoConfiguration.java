package io.lethe.consumer;

import javax.sql.DataSource;

import io.lethe.events.codec.EventCodec;
import io.lethe.events.codec.EventCodecs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a {@link DeletionHandler} bean into a consumer of Lethe's deletions: a listener
 * container on {@code lethe.deletions} in the consumer's own group, committing each
 * record once it is handled; a handler or acknowledgement that fails is retried with a
 * doubling back-off ({@code lethe.consumer.retry.*}), then {@link FailedDeletions}
 * answers it and dead-letters it. Nothing happens in an application without a handler.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(DeletionHandler.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class LetheConsumerAutoConfiguration {

	/**
	 * Lethe's codec as Lethe is configured: with a schema registry
	 * ({@code lethe.events.schema-registry.url}, or {@code LETHE_SCHEMA_REGISTRY_URL}) it
	 * reads both formats and writes acknowledgements in the Confluent wire format;
	 * without one, Avro single-object encoding.
	 */
	@Bean
	@ConditionalOnMissingBean
	EventCodec letheEventCodec(
			@Value("${lethe.events.schema-registry.url:${LETHE_SCHEMA_REGISTRY_URL:}}") String registryUrl,
			@Value("${lethe.events.encoding:${LETHE_EVENTS_ENCODING:}}") String encoding) {
		return EventCodecs.create(registryUrl, encoding);
	}

	@Bean
	ConsumerKafka letheConsumerKafka(KafkaProperties kafka, ConsumerProperties properties) {
		return new ConsumerKafka(kafka, properties);
	}

	@Bean
	Acknowledger letheAcknowledger(ConsumerProperties properties, ConsumerKafka kafka, EventCodec codec) {
		return (properties.ack().mode() == ConsumerProperties.AckMode.REST) ? new RestAcknowledger(properties.ack())
				: new KafkaAcknowledger(kafka.template(), codec, properties);
	}

	/**
	 * In the application's database when it has one, with its transaction manager (so a
	 * handler's writes join the record's transaction); in memory otherwise.
	 */
	@Bean
	ProcessedDeletions letheProcessedDeletions(ConsumerProperties properties, ObjectProvider<DataSource> dataSource,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		DataSource database = dataSource.getIfUnique();
		if (database == null) {
			return new InMemoryProcessedDeletions();
		}
		PlatformTransactionManager transactions = transactionManager
			.getIfUnique(() -> new DataSourceTransactionManager(database));
		JdbcProcessedDeletions processed = new JdbcProcessedDeletions(new JdbcTemplate(database),
				new TransactionTemplate(transactions), properties.name(), properties.processedTable());
		processed.createTable();
		return processed;
	}

	@Bean
	NewTopic letheConsumerDeadLetterTopic(ConsumerProperties properties) {
		return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).build();
	}

	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> letheDeletionsContainer(ConsumerProperties properties,
			ConsumerKafka kafka, EventCodec codec, DeletionHandler handler, ProcessedDeletions processed,
			Acknowledger acknowledger) {
		ContainerProperties container = new ContainerProperties(properties.topic());
		container.setGroupId(properties.group());
		container.setAckMode(ContainerProperties.AckMode.RECORD);
		container
			.setMessageListener(new DeletionListener(codec, handler, processed, acknowledger, properties.rootTypes()));
		ConcurrentMessageListenerContainer<String, byte[]> listeners = new ConcurrentMessageListenerContainer<>(
				kafka.consumers(), container);
		listeners.setConcurrency(properties.concurrency());
		listeners.setCommonErrorHandler(errorHandler(properties, kafka, acknowledger));
		return listeners;
	}

	private static DefaultErrorHandler errorHandler(ConsumerProperties properties, ConsumerKafka kafka,
			Acknowledger acknowledger) {
		// the dead-letter topic has one partition, whatever the deletions topic has
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka.template(),
				(record, ex) -> new TopicPartition(properties.deadLetterTopic(), -1));
		ConsumerProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
		backOff.setInitialInterval(retry.initialBackoff().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(retry.maxBackoff().toMillis());
		return new DefaultErrorHandler(new FailedDeletions(acknowledger, deadLetters, properties.deadLetterTopic()),
				backOff);
	}

}
