package io.lethe.purge.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a deletion record is tried before it is dead-lettered
 * ({@code lethe.purge.intake.*}).
 *
 * @param attempts tries of a record, the first included
 * @param backoff the wait between two tries
 */
@ConfigurationProperties("lethe.purge.intake")
record IntakeProperties(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff) {
}
