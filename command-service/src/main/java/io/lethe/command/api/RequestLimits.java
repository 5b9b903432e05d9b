package io.lethe.command.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client may send ({@code lethe.limits.*}), so that no client can exhaust the
 * service: the largest JSON body; the requests per second each API key may make (with a
 * burst allowance); the failed authentications per client address, so that keys cannot be
 * guessed nor the key table flooded; the share link reads per client address, which need
 * no key. Beyond a rate, the answer is 429 with {@code Retry-After}.
 *
 * @param maxJsonBody the largest body of a request that is not a file upload
 * @param requestsPerSecond the sustained rate allowed per API key
 * @param burst how many requests a key may make at once after a quiet spell
 * @param failedAuthPerSecond the sustained rate of requests without a valid key allowed
 * per client address
 * @param failedAuthBurst how many such requests an address may make at once
 * @param shareReadsPerSecond the sustained rate of share link reads per client address
 * @param shareReadsBurst how many share link reads an address may make at once
 * @param trackedClients the most keys and addresses each limit keeps a bucket for (its
 * memory bound)
 */
@ConfigurationProperties("lethe.limits")
public record RequestLimits(@DefaultValue("1MB") DataSize maxJsonBody, @DefaultValue("200") double requestsPerSecond,
		@DefaultValue("400") int burst, @DefaultValue("1") double failedAuthPerSecond,
		@DefaultValue("20") int failedAuthBurst, @DefaultValue("10") double shareReadsPerSecond,
		@DefaultValue("50") int shareReadsBurst, @DefaultValue("100000") int trackedClients) {

	public RequestLimits {
		if (requestsPerSecond <= 0 || burst < 1 || failedAuthPerSecond <= 0 || failedAuthBurst < 1
				|| shareReadsPerSecond <= 0 || shareReadsBurst < 1 || trackedClients < 1) {
			throw new IllegalArgumentException("lethe.limits: every rate, burst and tracked-clients must be positive");
		}
	}

}
