package io.lethe.purge.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How state snapshots are published ({@code lethe.purge.status.*}).
 *
 * @param publishInterval how often changed jobs and runs are looked for; short, so that a
 * running purge's progress shows while it runs
 * @param batch most snapshots of each kind per round
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 */
@ConfigurationProperties("lethe.purge.status")
record StatusProperties(@DefaultValue("500ms") Duration publishInterval, @DefaultValue("200") int batch,
		@DefaultValue("10s") Duration sendTimeout) {

	StatusProperties {
		if (publishInterval.toMillis() < 10) {
			throw new IllegalArgumentException("lethe.purge.status.publish-interval must be at least 10 ms");
		}
		if (batch < 1) {
			throw new IllegalArgumentException("lethe.purge.status.batch must be positive");
		}
	}

}
