package io.lethe.command.share;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.lethe.problems.NotFoundException;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetSoftDeleted;
import io.lethe.command.share.ShareLinks.ShareLink;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links: a random token that reads a dataset's public summary without an API key,
 * until it expires or the dataset is deleted. Deleting a dataset revokes its links in the
 * same transaction.
 */
@Service
public class ShareService {

	private final ShareLinks links;

	private final DatasetService datasets;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ShareService(ShareLinks links, DatasetService datasets, JdbcClient jdbc, Clock clock) {
		this.links = links;
		this.datasets = datasets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Share create(Caller caller, UUID datasetId, Duration lifetime) {
		Dataset dataset = this.datasets.requireActive(caller, datasetId);
		byte[] secret = new byte[24];
		this.random.nextBytes(secret);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ShareLink link = new ShareLink(UUID.randomUUID(), caller.orgId(), dataset.id(),
				Base64.getUrlEncoder().withoutPadding().encodeToString(secret), now, now.plus(lifetime), null);
		this.links.insert(link, caller.principal());
		return new Share(link.token(), link.expiresAt(), false);
	}

	/**
	 * The dataset's newest share link, for responses that carry it (Subworkflow's
	 * delete).
	 */
	@Transactional(readOnly = true)
	public Optional<Share> newest(UUID org, UUID datasetId) {
		return this.links.newest(org, datasetId)
			.map((link) -> new Share(link.token(), link.expiresAt(), link.revokedAt() != null));
	}

	/**
	 * The public summary behind a token; unknown, expired and revoked tokens, and deleted
	 * datasets, are 404.
	 */
	@Transactional(readOnly = true)
	public SharedDataset open(String token) {
		ShareLink link = this.links.findByToken(token)
			.filter((l) -> l.revokedAt() == null && l.expiresAt().isAfter(this.clock.instant()))
			.orElseThrow(() -> new NotFoundException("Share link"));
		return this.jdbc
			.sql("select d.id, d.name, d.description, d.created_dt, (select count(*) from catalog.items i "
					+ "where i.dataset_id = d.id and i.status = 'active') as item_count from catalog.datasets d "
					+ "where d.id = :dataset and d.status = 'active'")
			.param("dataset", link.datasetId())
			.query((rs, row) -> new SharedDataset(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("description"), rs.getObject("created_dt", java.time.OffsetDateTime.class).toInstant(),
					rs.getLong("item_count"), link.expiresAt()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Share link"));
	}

	/**
	 * Runs inside the delete's transaction: the links die with the dataset's visibility,
	 * atomically.
	 */
	@EventListener
	void revokeOnDelete(DatasetSoftDeleted deleted) {
		this.links.revokeAll(deleted.dataset().id(), deleted.dataset().deletedDt());
	}

	/** A share link's token and expiry. */
	public record Share(String token, Instant expiresAt, boolean revoked) {
	}

	/** What a share link shows. */
	public record SharedDataset(UUID id, String name, String description, Instant createdDt, long itemCount,
			Instant expiresAt) {
	}

}
