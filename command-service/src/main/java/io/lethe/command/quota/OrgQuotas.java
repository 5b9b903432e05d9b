package io.lethe.command.quota;

import java.time.Clock;
import java.util.UUID;

import io.lethe.command.quota.OrgUsage.Overrides;
import io.lethe.problems.NotFoundException;
import io.lethe.problems.QuotaExceededException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforces each org's quotas where the data is: every {@code admit…} locks the org's row,
 * then counts what the org has, in the transaction that writes the new row. Two
 * concurrent writes of one org therefore check one after the other, the second seeing the
 * first's row, and can never together pass a limit; a refused write leaves nothing
 * behind, since its transaction rolls back. Callers lock the org before any dataset or
 * asset row (org, then dataset, then asset), as every quota-checked write does, so the
 * lock adds no deadlock.
 *
 * <p>
 * The {@code precheck…} methods read without the lock: a cheap early refusal before bytes
 * are sent to the object store, never the decision.
 */
@Service
public class OrgQuotas {

	private final OrgUsage usage;

	private final QuotaDefaults defaults;

	private final Clock clock;

	OrgQuotas(OrgUsage usage, QuotaDefaults defaults, Clock clock) {
		this.usage = usage;
		this.defaults = defaults;
		this.clock = clock;
	}

	/** Takes the org's quota lock until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(UUID org) {
		if (!this.usage.lock(org)) {
			throw new NotFoundException("Org " + org);
		}
	}

	/**
	 * Admits one more asset of {@code bytes} (0 while unknown, as for an upload just
	 * started).
	 * @throws QuotaExceededException for the asset count (429) or the bytes (413)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void admitAsset(UUID org, long bytes) {
		lock(org);
		checkAsset(org, bytes);
	}

	/**
	 * Admits a multipart upload: one more asset, one more upload in progress.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void admitUpload(UUID org) {
		lock(org);
		Overrides overrides = this.usage.overrides(org);
		checkAsset(org, 0, overrides);
		long limit = limit(overrides.uploadsInProgress(), this.defaults.uploadsInProgress());
		long used = this.usage.uploadsInProgress(org);
		if (used + 1 > limit) {
			throw QuotaExceededException.count("uploads-in-progress", limit, used);
		}
	}

	/**
	 * Admits the bytes of an asset already counted (a multipart upload completing).
	 * @throws QuotaExceededException (413) when they would pass the byte quota
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void admitBytes(UUID org, long bytes) {
		lock(org);
		checkBytes(org, bytes);
	}

	/** Admits one more open share link. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void admitShareLink(UUID org) {
		lock(org);
		long limit = limit(this.usage.overrides(org).shareLinks(), this.defaults.shareLinks());
		long used = this.usage.openShareLinks(org, this.clock.instant());
		if (used + 1 > limit) {
			throw QuotaExceededException.count("share-links", limit, used);
		}
	}

	/**
	 * Whether an asset of {@code bytes} would fit now, read without the lock: refuses
	 * before the bytes are stored; {@link #admitAsset} decides.
	 */
	@Transactional(readOnly = true)
	public void precheckAsset(UUID org, long bytes) {
		checkAsset(org, Math.max(0, bytes));
	}

	/**
	 * Whether {@code bytes} more (a part of an upload) would fit now, read without the
	 * lock; {@link #admitBytes} decides when the upload completes.
	 */
	@Transactional(readOnly = true)
	public void precheckBytes(UUID org, long bytes) {
		checkBytes(org, Math.max(0, bytes));
	}

	private void checkBytes(UUID org, long bytes) {
		long limit = limit(this.usage.overrides(org).bytes(), this.defaults.bytes().toBytes());
		long used = this.usage.assets(org).bytes();
		if (used + bytes > limit) {
			throw QuotaExceededException.bytes(limit, used, bytes);
		}
	}

	private void checkAsset(UUID org, long bytes) {
		checkAsset(org, bytes, this.usage.overrides(org));
	}

	private void checkAsset(UUID org, long bytes, Overrides overrides) {
		OrgUsage.Assets used = this.usage.assets(org);
		long assets = limit(overrides.assets(), this.defaults.assets());
		if (used.count() + 1 > assets) {
			throw QuotaExceededException.count("assets", assets, used.count());
		}
		long limit = limit(overrides.bytes(), this.defaults.bytes().toBytes());
		if (used.bytes() + bytes > limit) {
			throw QuotaExceededException.bytes(limit, used.bytes(), bytes);
		}
	}

	private static long limit(Long override, long fallback) {
		return (override != null) ? override : fallback;
	}

}
