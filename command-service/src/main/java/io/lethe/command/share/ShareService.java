package io.lethe.command.share;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.audit.AuditLog;
import io.lethe.command.auth.Caller;
import io.lethe.command.auth.SecretDigests;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetSoftDeleted;
import io.lethe.command.quota.OrgQuotas;
import io.lethe.command.share.ShareLinks.ShareLink;
import io.lethe.problems.NotFoundException;
import io.lethe.problems.QuotaExceededException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links: a random token that reads a dataset's public summary without an API key,
 * until it expires, is revoked or the dataset is deleted. The token is returned once, at
 * creation; only its SHA-256 is stored, as for API keys. Deleting a dataset revokes its
 * links in the same transaction.
 */
@Service
public class ShareService {

	private final ShareLinks links;

	private final DatasetService datasets;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final OrgQuotas quotas;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ShareService(ShareLinks links, DatasetService datasets, AuditLog audit, JdbcClient jdbc, OrgQuotas quotas,
			Clock clock) {
		this.links = links;
		this.datasets = datasets;
		this.audit = audit;
		this.jdbc = jdbc;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * Creates a link to one of the caller's active datasets, within the org's quota of
	 * open links (checked under the org's lock, taken before the dataset's). A link
	 * refused for the quota is audited as refused.
	 */
	@Transactional
	public Share create(Caller caller, UUID datasetId, Duration lifetime) {
		this.quotas.lock(caller.orgId());
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		try {
			this.quotas.admitShareLink(caller.orgId());
		}
		catch (QuotaExceededException ex) {
			this.audit.refused(caller, "share.create", "dataset", datasetId, ex.getMessage());
			throw ex;
		}
		byte[] secret = new byte[24];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ShareLink link = new ShareLink(UUID.randomUUID(), caller.orgId(), dataset.id(), now, caller.principal(),
				now.plus(lifetime), null);
		this.links.insert(link, SecretDigests.sha256Hex(token));
		this.audit.succeeded(caller, "share.create", "share-link", link.id(),
				Map.of("dataset_id", dataset.id(), "expires_at", link.expiresAt().toString()));
		return new Share(link.id(), token, link.expiresAt());
	}

	/**
	 * The links of one of the caller's datasets (deleted ones too), newest first, without
	 * their tokens, which are not stored; another org's dataset is 404.
	 */
	@Transactional(readOnly = true)
	public PageResponse<Link> list(Caller caller, UUID datasetId, Paging paging) {
		this.datasets.get(caller, datasetId);
		return paging.page(this.links.page(caller.orgId(), datasetId, paging.limit(), paging.offset())
			.stream()
			.map(ShareService::view)
			.toList(), this.links.count(caller.orgId(), datasetId));
	}

	/**
	 * Revokes one link of one of the caller's datasets. Revoking a revoked link changes
	 * nothing and is not an error (a retried request gets the same answer); another org's
	 * or an unknown link is 404, audited as refused (someone tried ids that are not
	 * theirs).
	 */
	@Transactional
	public void revoke(Caller caller, UUID datasetId, UUID shareId) {
		ShareLink link;
		try {
			this.datasets.get(caller, datasetId);
			link = this.links.lock(caller.orgId(), datasetId, shareId)
				.orElseThrow(() -> new NotFoundException("Share link " + shareId));
		}
		catch (NotFoundException ex) {
			this.audit.refused(caller, "share.revoke", "share-link", shareId, ex.getMessage());
			throw ex;
		}
		boolean wasOpen = link.revokedAt() == null;
		if (wasOpen) {
			this.links.revoke(link.id(), this.clock.instant());
		}
		this.audit.succeeded(caller, "share.revoke", "share-link", link.id(),
				Map.of("dataset_id", datasetId, "already_revoked", !wasOpen));
	}

	/**
	 * The public summary behind a token. Unknown, expired and revoked tokens, and deleted
	 * datasets, are all the same 404, so that an answer never tells which.
	 */
	@Transactional(readOnly = true)
	public SharedDataset open(String token) {
		ShareLink link = this.links.findByTokenSha256(SecretDigests.sha256Hex(token))
			.filter((l) -> l.opens(this.clock.instant()))
			.orElseThrow(ShareService::notFound);
		return this.jdbc
			.sql("select d.id, d.name, d.description, d.created_dt, (select count(*) from catalog.items i "
					+ "where i.dataset_id = d.id and i.status = 'active') as item_count from catalog.datasets d "
					+ "where d.id = :dataset and d.status = 'active'")
			.param("dataset", link.datasetId())
			.query((rs, row) -> new SharedDataset(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("description"), rs.getObject("created_dt", OffsetDateTime.class).toInstant(),
					rs.getLong("item_count"), link.expiresAt()))
			.optional()
			.orElseThrow(ShareService::notFound);
	}

	/**
	 * Runs inside the delete's transaction: the links die with the dataset's visibility,
	 * atomically.
	 */
	@EventListener
	void revokeOnDelete(DatasetSoftDeleted deleted) {
		this.links.revokeAllAtCommit(deleted.dataset().id(), deleted.dataset().deletedDt());
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Share link");
	}

	private static Link view(ShareLink link) {
		return new Link(link.id(), link.createdAt(), link.createdBy(), link.expiresAt(), link.revokedAt());
	}

	/** A new share link: the only time its token is known. */
	public record Share(UUID id, String token, Instant expiresAt) {
	}

	/** A stored share link as its dataset's org sees it: never a token. */
	public record Link(UUID id, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt) {
	}

	/** What a share link shows. */
	public record SharedDataset(UUID id, String name, String description, Instant createdDt, long itemCount,
			Instant expiresAt) {
	}

}
