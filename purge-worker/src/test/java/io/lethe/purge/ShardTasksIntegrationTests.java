package io.lethe.purge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.codec.Topics;
import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.shard.ShardHelp;
import io.lethe.purge.engine.shard.ShardLease;
import io.lethe.purge.engine.shard.ShardTasks;
import io.lethe.purge.job.JobState;
import io.lethe.purge.job.Lease;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.object.ObjectKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Shard tasks: a large job's org sweep is cut into shards that several workers claim and
 * empty at once, each under a lease of its own, so that no shard ever runs on two workers
 * at once and a dead worker's shard is redone once its lease lapses.
 */
class ShardTasksIntegrationTests extends PurgeWorkerIntegrationTest {

	private static final String STEP = "objects";

	private static final Duration LONG = Duration.ofHours(1);

	@Autowired
	private ShardTasks shards;

	@Autowired
	private ShardHelp help;

	@Autowired
	private EngineProperties engine;

	private final List<UUID> heldJobs = new ArrayList<>();

	@AfterEach
	void dropHeldJobs() {
		this.heldJobs.forEach((job) -> this.jdbc.sql("delete from purge.jobs where id = ?").param(job).update());
	}

	@Test
	void concurrentClaimersEachGetDistinctShardsAndNoShardTwiceWhileLeased() throws Exception {
		Lease job = heldJob();
		this.shards.publish(job, STEP, shardPrefixes(16));
		// published again by a resumed run: nothing changes
		assertThat(this.shards.publish(job, STEP, shardPrefixes(16))).isZero();
		ExecutorService claimers = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<Integer>>> claims = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String worker = "claimer-" + i;
				claims.add(claimers.submit((Callable<List<Integer>>) () -> {
					List<Integer> mine = new ArrayList<>();
					Optional<ShardLease> claimed;
					while ((claimed = this.shards.claimToHelp(worker, worker, LONG, 3)).isPresent()) {
						mine.add(claimed.get().shard());
					}
					return mine;
				}));
			}
			List<Integer> all = new ArrayList<>();
			for (Future<List<Integer>> claim : claims) {
				all.addAll(claim.get());
			}
			assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).boxed().toList());
		}
		finally {
			claimers.shutdownNow();
		}
		assertThat(this.shards.claimToHelp("late", "late", LONG, 3)).isEmpty();
		assertThat(this.shards.claimOwn(job, STEP, LONG)).isEmpty();
		assertThat(this.catalog.count("select count(*) from purge.job_shards where job_id = ? and attempts = 1",
				job.jobId()))
			.isEqualTo(16);
	}

	@Test
	void aLapsedShardLeaseGoesToAnotherWorkerAndTheFirstOnesWritesAreRefused() {
		Lease job = heldJob();
		this.shards.publish(job, STEP, shardPrefixes(1));
		ShardLease first = this.shards.claimToHelp("first", "first", Duration.ofMillis(1), 3).orElseThrow();

		AtomicReference<ShardLease> taken = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.shards.claimToHelp("second", "second", LONG, 3).map((lease) -> {
				taken.set(lease);
				return true;
			}).orElse(false));
		ShardLease second = taken.get();

		assertThat(second.shard()).isEqualTo(first.shard());
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(this.shards.renew(first, 5)).isFalse();
		assertThat(this.shards.complete(first, 5)).isFalse();
		assertThat(this.shards.renew(second, 3)).isTrue();
		assertThat(this.shards.complete(second, 4)).isTrue();
		assertThat(this.shards.complete(second, 4)).isFalse();
		assertThat(this.shards.renew(second, 1)).isFalse();
		assertThat(this.shards.deleted(job.jobId(), STEP)).isEqualTo(3 + 4);
		assertThat(this.shards.undone(job.jobId(), STEP)).isZero();
		assertThat(this.jdbc.sql("select done_by from purge.job_shards where job_id = ?")
			.param(job.jobId())
			.query(String.class)
			.single()).isEqualTo("second");
	}

	@Test
	void aShardOfAJobThatNoLongerRunsIsNeitherClaimedNorRenewed() {
		Lease job = heldJob();
		this.shards.publish(job, STEP, shardPrefixes(2));
		ShardLease claimed = this.shards.claimToHelp("helper", "helper", LONG, 3).orElseThrow();

		this.jdbc.sql("update purge.jobs set state = 'cancelled', lease_owner = null where id = ?")
			.param(job.jobId())
			.update();

		assertThat(this.shards.claimToHelp("helper", "helper", LONG, 3)).isEmpty();
		assertThat(this.shards.renew(claimed, 1)).isFalse();
		assertThat(this.shards.complete(claimed, 1)).isFalse();
		assertThat(this.shards.deleted(job.jobId(), STEP)).isZero();
	}

	@Test
	void anotherWorkersHelperEmptiesSomeShardsOfALargeDatasetAndEachShardIsDoneOnce() {
		UUID org = this.catalog.org();
		UUID big = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		this.catalog.ownedAssets(org, big, 200);
		String assets = ObjectKeys.orgAssetsPrefix(org);
		// the job's own worker is held up on the shards it claimed first
		this.faults.holdListings(assets, "purge-prefixes");

		TestEvents.publish(big, TestEvents.deletionRequested(org, big, Instant.now().minusSeconds(300)));

		UUID job = awaitOwnShardsClaimed(big);
		int helped = this.help.help("second-worker", 16);
		assertThat(helped).isEqualTo(16 - this.engine.prefixesInFlight());
		// the job's published progress takes in what the helper's shards deleted while
		// the sweep still runs
		long helperDeleted = this.shards.deleted(job, STEP);
		assertThat(helperDeleted).isPositive();
		assertThat(KafkaProbe.awaitEvents(Topics.PURGE_EVENTS,
				(event) -> event instanceof PurgeJobUpdated snapshot && snapshot.getRootId().equals(big.toString())
						&& "objects".equals(snapshot.getStep()) && snapshot.getObjectsDeleted() == helperDeleted,
				1))
			.isNotEmpty();
		this.faults.clear();

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(big).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.versionsUnder(assets)).isZero();
		PurgeJob completed = jobOf(big);
		assertThat(completed.objectsDeleted()).isEqualTo(200);
		assertThat(this.receipts.findByJob(job)).isPresent();
		assertThat(doneBy(job)).containsOnly(Map.entry(this.runner.workerId(), (long) this.engine.prefixesInFlight()),
				Map.entry("second-worker/helper", (long) helped));
		assertThat(this.catalog.count(
				"select count(*) from purge.job_shards where job_id = ? and done_at is not null and attempts = 1", job))
			.isEqualTo(16);
	}

	@Test
	void aShardWhoseWorkerDiedMidWayIsRedoneOnceItsLeaseLapses() {
		UUID org = this.catalog.org();
		UUID big = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		this.catalog.ownedAssets(org, big, 200);
		String assets = ObjectKeys.orgAssetsPrefix(org);
		this.faults.holdListings(assets, "purge-prefixes");

		TestEvents.publish(big, TestEvents.deletionRequested(org, big, Instant.now().minusSeconds(300)));

		UUID job = awaitOwnShardsClaimed(big);
		// A helping worker dies as it lists the shard it claimed: its lease stays.
		List<String> unclaimed = this.jdbc
			.sql("select prefix from purge.job_shards where job_id = ? and lease_owner is null")
			.param(job)
			.query(String.class)
			.list();
		unclaimed.forEach((prefix) -> this.faults.crashListing(prefix, 0));
		Throwable died = catchThrowable(() -> this.help.help("doomed-worker", 1));
		assertThat(died).isInstanceOf(FaultyObjectStore.SimulatedCrash.class);
		Integer deadShard = this.jdbc
			.sql("select shard from purge.job_shards where job_id = ? and lease_owner = 'doomed-worker/helper'")
			.param(job)
			.query(Integer.class)
			.single();
		this.faults.clear();

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(big).state()).isEqualTo(JobState.COMPLETED));
		assertThat(this.catalog.versionsUnder(assets)).isZero();
		assertThat(jobOf(big).objectsDeleted()).isEqualTo(200);
		assertThat(this.catalog.count("select count(*) from purge.receipts where root_id = ?", big)).isEqualTo(1);
		Map<String, Object> redone = this.jdbc
			.sql("select attempts, done_by from purge.job_shards where job_id = ? and shard = ?")
			.params(job, deadShard)
			.query()
			.singleRow();
		assertThat(redone).containsEntry("attempts", 2).containsEntry("done_by", this.runner.workerId());
		assertThat(this.shards.undone(job, STEP)).isZero();
	}

	@Test
	void aSweepThatVerificationFoundUnfinishedListsEveryShardAgain() {
		UUID org = this.catalog.org();
		UUID big = this.catalog.deletedDataset(org, Duration.ofMinutes(-5));
		// more assets than the test base lists as one shard: 16 shards
		this.catalog.ownedAssets(org, big, 120);
		String assets = ObjectKeys.orgAssetsPrefix(org);
		// one batch the store says it deleted and did not: its shard is done all the same
		this.faults.ignoreDeletes(assets, 1);

		TestEvents.publish(big, TestEvents.deletionRequested(org, big, Instant.now().minusSeconds(300)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(jobOf(big).state()).isEqualTo(JobState.COMPLETED));
		// verify found the versions, the job went back, and its new round of the sweep
		// listed every shard again instead of taking the earlier round's as done
		assertThat(jobOf(big).attempts()).isEqualTo(1);
		assertThat(this.catalog.versionsUnder(assets)).isZero();
		assertThat(this.catalog.count(
				"select count(*) from purge.job_shards where job_id = ? and done_at is not null and attempts = 1",
				jobOf(big).id()))
			.isEqualTo(16);
		assertThat(this.receipts.findByJob(jobOf(big).id())).isPresent();
	}

	/**
	 * The job's id once its own worker holds as many shards as it empties at once, each
	 * held up in its listing: the rest are unclaimed.
	 */
	private UUID awaitOwnShardsClaimed(UUID dataset) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			UUID job = jobOf(dataset).id();
			assertThat(this.catalog.count("select count(*) from purge.job_shards where job_id = ?", job)).isEqualTo(16);
			assertThat(this.catalog.count(
					"select count(*) from purge.job_shards where job_id = ? and lease_owner = ? and done_at is null",
					job, this.runner.workerId()))
				.isEqualTo(this.engine.prefixesInFlight());
		});
		return jobOf(dataset).id();
	}

	private Map<String, Long> doneBy(UUID job) {
		return this.jdbc
			.sql("select done_by, count(*) as shards from purge.job_shards where job_id = ? group by done_by")
			.param(job)
			.query((rs, row) -> Map.entry(rs.getString("done_by"), rs.getLong("shards")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A job in its objects step under this worker's live lease, which neither its runner
	 * (the lease is alive) nor its helper (the job is its own) touches: the test's
	 * claimers play the other workers.
	 */
	private Lease heldJob() {
		UUID job = UUID.randomUUID();
		this.jdbc.sql("""
				insert into purge.jobs (id, root_type, root_id, org_id, state, step, run_at, requested_at, requested_by,
				                        lease_owner, lease_expires_at, created_at, updated_at)
				values (?, 'dataset', ?, ?, 'running', 'objects', now(), now(), 'test', ?, now() + interval '1 hour',
				        now(), now())
				""").params(job, UUID.randomUUID(), UUID.randomUUID(), this.runner.workerId()).update();
		this.heldJobs.add(job);
		return new Lease(job, this.runner.workerId(), LONG);
	}

	private static List<String> shardPrefixes(int count) {
		String assets = ObjectKeys.orgAssetsPrefix(UUID.randomUUID());
		return IntStream.range(0, count).mapToObj((shard) -> assets + Integer.toHexString(shard)).toList();
	}

}
