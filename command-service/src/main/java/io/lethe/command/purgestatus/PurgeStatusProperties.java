package io.lethe.command.purgestatus;

import java.time.Duration;

import io.lethe.stores.retry.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the copy of the worker's status is kept ({@code lethe.purge-status.*}).
 *
 * @param initialBackoff the first wait after a failure that passes (a database blip); it
 * doubles
 * @param maxBackoff the longest wait; such a failure is waited out for as long as it
 * lasts
 */
@ConfigurationProperties("lethe.purge-status")
record PurgeStatusProperties(@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff) {

	RetryPolicy whileTransient() {
		return RetryPolicy.unbounded(this.initialBackoff, this.maxBackoff);
	}

}
