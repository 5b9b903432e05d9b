package io.lethe.consumer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Settings that could only fail later stop the application at start, naming the property.
 */
class ConsumerPropertiesTests {

	private static final ConsumerProperties.Ack KAFKA = new ConsumerProperties.Ack(ConsumerProperties.AckMode.KAFKA,
			null, null, Duration.ofSeconds(10), "lethe.deletion-acks");

	private static final ConsumerProperties.Retry RETRY = new ConsumerProperties.Retry(4, Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	@Test
	void theGroupAndDeadLetterTopicFollowTheConsumersName() {
		ConsumerProperties properties = new ConsumerProperties("metadata_cache", List.of("dataset"), "lethe.deletions",
				null, null, 1, KAFKA, RETRY, "cache.processed");

		assertThat(properties.group()).isEqualTo("lethe-consumer.metadata_cache");
		assertThat(properties.deadLetterTopic()).isEqualTo("lethe.deletions.consumer.metadata_cache.DLT");
	}

	@Test
	void aMissingNameAnUnknownRootTypeOrAnUnsafeTableNameIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsumerProperties(null, List.of("dataset"), "lethe.deletions", null, null, 1, KAFKA,
					RETRY, "processed"))
			.withMessageContaining("lethe.consumer.name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsumerProperties("c", List.of("vectors"), "lethe.deletions", null, null, 1, KAFKA,
					RETRY, "processed"))
			.withMessageContaining("lethe.consumer.root-types");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsumerProperties("c", List.of("dataset"), "lethe.deletions", null, null, 1, KAFKA,
					RETRY, "processed; drop table x"))
			.withMessageContaining("lethe.consumer.processed-table");
	}

	@Test
	void restAcknowledgementsNeedLethesAddressAndTheConsumerKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsumerProperties.Ack(ConsumerProperties.AckMode.REST, null, "ck",
					Duration.ofSeconds(1), "lethe.deletion-acks"))
			.withMessageContaining("lethe.consumer.ack.url");
	}

}
