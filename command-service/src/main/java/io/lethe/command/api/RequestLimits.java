package io.lethe.command.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client may send ({@code lethe.limits.*}), so that no client can exhaust the
 * service: the largest JSON body, and the requests per second each API key may make (with
 * a burst allowance) before it is answered 429.
 *
 * @param maxJsonBody the largest body of a request that is not a file upload
 * @param requestsPerSecond the sustained rate allowed per API key
 * @param burst how many requests a key may make at once after a quiet spell
 */
@ConfigurationProperties("lethe.limits")
public record RequestLimits(@DefaultValue("1MB") DataSize maxJsonBody, @DefaultValue("200") double requestsPerSecond,
		@DefaultValue("400") int burst) {

	public RequestLimits {
		if (requestsPerSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException("lethe.limits.requests-per-second and burst must be positive");
		}
	}

}
