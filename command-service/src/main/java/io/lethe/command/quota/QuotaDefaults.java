package io.lethe.command.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The quotas of every org ({@code lethe.quotas.*}) unless {@code catalog.org_quotas} sets
 * others for it: generous, so that they stop a runaway client or a tenant filling the
 * stores, never ordinary use.
 *
 * @param assets live assets (ready or uploading; a deleted asset stops counting at its
 * delete)
 * @param bytes the stored bytes of the live assets
 * @param uploadsInProgress multipart uploads started and neither completed nor aborted
 * @param shareLinks share links neither revoked nor expired
 */
@ConfigurationProperties("lethe.quotas")
public record QuotaDefaults(@DefaultValue("1000000") long assets, @DefaultValue("1TB") DataSize bytes,
		@DefaultValue("100") long uploadsInProgress, @DefaultValue("10000") long shareLinks) {

	public QuotaDefaults {
		if (assets < 0 || bytes.isNegative() || uploadsInProgress < 0 || shareLinks < 0) {
			throw new IllegalArgumentException("lethe.quotas.* must not be negative");
		}
	}

}
