package io.lethe.consumer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.lethe.events.codec.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a downstream consumer reads Lethe's deletions and answers them
 * ({@code lethe.consumer.*}). The broker and its login are the application's own
 * {@code spring.kafka.*}. Settings that could only fail later (a missing name, a REST
 * acknowledgement without Lethe's address or the consumer's key) stop the application as
 * it starts, naming the property.
 *
 * @param name the consumer's registered name in Lethe ({@code /api/v1/admin/consumers}),
 * which every acknowledgement carries
 * @param rootTypes the roots it holds copies of, as registered; deletions of other roots
 * are skipped
 * @param topic where Lethe publishes deletions
 * @param group the Kafka consumer group ({@code lethe-consumer.<name>} by default: with
 * SASL, user {@code lethe-consumer} may read only in groups so named)
 * @param deadLetterTopic where records that keep failing go
 * ({@code lethe.deletions.consumer.<name>.DLT} by default)
 * @param concurrency listener threads
 * @param ack how erasures are acknowledged
 * @param retry how a failing handler is retried
 * @param processedTable the table of erasures done, in the application's database when it
 * has one (created if missing; may name a schema)
 */
@ConfigurationProperties("lethe.consumer")
public record ConsumerProperties(String name, @DefaultValue( {
		"dataset", "asset", "samples" }) List<String> rootTypes, @DefaultValue(Topics.DELETIONS) String topic,
		String group, String deadLetterTopic, @DefaultValue("1") int concurrency, @DefaultValue Ack ack,
		@DefaultValue Retry retry, @DefaultValue("lethe_consumer_processed") String processedTable){

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

	private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

	private static final Set<String> ROOT_TYPES = Set.of("dataset", "asset", "samples");

	public ConsumerProperties {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("lethe.consumer.name must be the consumer's registered name "
					+ "(letters, digits, _ . -, 1 to 100), not " + name);
		}
		if (rootTypes.isEmpty() || !ROOT_TYPES.containsAll(rootTypes)) {
			throw new IllegalArgumentException("lethe.consumer.root-types must be some of " + ROOT_TYPES);
		}
		if (group == null || group.isBlank()) {
			group = "lethe-consumer." + name;
		}
		if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
			deadLetterTopic = Topics.DELETIONS + ".consumer." + name + ".DLT";
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("lethe.consumer.concurrency must be at least 1");
		}
		if (!TABLE.matcher(processedTable).matches()) {
			throw new IllegalArgumentException(
					"lethe.consumer.processed-table must be a table name, not " + processedTable);
		}
	}

	/** How acknowledgements travel to Lethe. */
	public enum AckMode {

		/**
		 * {@code POST /api/v1/deletions/{root_type}/{root_id}/acks} with the consumer's
		 * key.
		 */
		REST,

		/** {@code DeletionAcknowledged} on {@code lethe.deletion-acks}. */
		KAFKA

	}

	/**
	 * @param mode {@code rest} (with {@code url} and {@code key}) or {@code kafka}
	 * @param url Lethe's command service, for {@code rest}
	 * @param key the consumer's own key (role {@code consumer}), for {@code rest}
	 * @param timeout the longest wait for one acknowledgement to be accepted
	 * @param topic the acknowledgements' topic, for {@code kafka}
	 */
	public record Ack(@DefaultValue("kafka") AckMode mode, URI url, String key, @DefaultValue("10s") Duration timeout,
			@DefaultValue(Topics.DELETION_ACKS) String topic) {

		public Ack {
			if (mode == AckMode.REST && (url == null || key == null || key.isBlank())) {
				throw new IllegalArgumentException(
						"lethe.consumer.ack.mode rest needs lethe.consumer.ack.url (Lethe's command service) and "
								+ "lethe.consumer.ack.key (the consumer key shown at registration)");
			}
		}

	}

	/**
	 * @param attempts tries of a deletion whose handler fails, the first included
	 * @param initialBackoff the wait after the first failure, doubling after each
	 * @param maxBackoff the longest wait between two tries
	 */
	public record Retry(@DefaultValue("4") int attempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff) {

		public Retry {
			if (attempts < 1) {
				throw new IllegalArgumentException("lethe.consumer.retry.attempts must be at least 1");
			}
		}

	}

}
