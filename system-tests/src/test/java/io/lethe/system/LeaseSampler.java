package io.lethe.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples every running purge job's lease holder every 100 ms, as the worker-kill test
 * does for one job: when a job seen running in two rounds in a row changed holder, the
 * new holder must not have taken it before the old one's lease ran out. A job released in
 * between (deferred, retried) is seen not running and starts afresh.
 */
final class LeaseSampler implements AutoCloseable {

	private final LetheSystem system;

	private final Findings findings;

	private final AtomicBoolean sampling = new AtomicBoolean(true);

	private final Thread thread;

	private final Set<String> holders = new HashSet<>();

	private long observations;

	private long ownerChanges;

	LeaseSampler(LetheSystem system, Findings findings) {
		this.system = system;
		this.findings = findings;
		this.thread = new Thread(this::sample, "concurrency-lease-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void sample() {
		Map<UUID, Lease> previous = new HashMap<>();
		try (Connection connection = this.system.postgres.connect();
				PreparedStatement statement = connection.prepareStatement("select id, now(), lease_owner, "
						+ "lease_expires_at from purge.jobs where state = 'running' and lease_owner is not null")) {
			while (this.sampling.get()) {
				Map<UUID, Lease> round = new HashMap<>();
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						Lease lease = new Lease(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
								rs.getObject(4, OffsetDateTime.class).toInstant());
						UUID job = rs.getObject(1, UUID.class);
						round.put(job, lease);
						record(job, previous.get(job), lease);
					}
				}
				previous = round;
				Thread.sleep(100);
			}
		}
		catch (Exception ex) {
			this.findings.violation("lease", "the lease sampler failed: " + ex);
		}
	}

	private synchronized void record(UUID job, Lease before, Lease now) {
		this.observations++;
		this.holders.add(now.owner());
		if (before != null && !before.owner().equals(now.owner())) {
			this.ownerChanges++;
			if (now.at().isBefore(before.expires().minusMillis(100))) {
				this.findings.violation("lease", "job " + job + " was taken by " + now.owner() + " at " + now.at()
						+ " from " + before.owner() + ", whose lease ran until " + before.expires());
			}
		}
	}

	synchronized long observations() {
		return this.observations;
	}

	synchronized long ownerChanges() {
		return this.ownerChanges;
	}

	synchronized Set<String> holders() {
		return Set.copyOf(this.holders);
	}

	@Override
	public void close() throws InterruptedException {
		this.sampling.set(false);
		this.thread.join();
	}

	private record Lease(Instant at, String owner, Instant expires) {
	}

}
