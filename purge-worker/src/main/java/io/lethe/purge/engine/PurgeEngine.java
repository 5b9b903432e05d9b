package io.lethe.purge.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lethe.purge.job.Lease;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RunningJobs;
import io.lethe.purge.metrics.PurgeMetrics;
import io.lethe.purge.metrics.StoreRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Runs a claimed job through the steps of its root type's plan, from the step it reached
 * (a resumed job picks up where its last run stopped). Each step is committed before the
 * next begins; the job ends completed, cancelled or deferred, or the engine throws and
 * the caller decides about another attempt.
 */
@Service
public class PurgeEngine {

	private static final Logger logger = LoggerFactory.getLogger(PurgeEngine.class);

	private final Map<String, RootPurge> plans;

	private final RunningJobs jobs;

	private final PurgeMetrics metrics;

	private final StoreRequests requests;

	PurgeEngine(List<RootPurge> plans, RunningJobs jobs, PurgeMetrics metrics, StoreRequests requests) {
		this.requests = requests;
		this.plans = plans.stream().collect(Collectors.toMap(RootPurge::rootType, Function.identity()));
		this.jobs = jobs;
		this.metrics = metrics;
		for (RootPurge plan : plans) {
			metrics.plan(plan.rootType(), plan.steps().stream().map(PurgeStep::name).toList());
		}
	}

	/**
	 * @throws PermanentPurgeFailure when the job can never succeed
	 * @throws io.lethe.purge.job.LeaseLostException when another worker took the job over
	 */
	public RunOutcome run(PurgeJob claimed, Lease lease) {
		RootPurge plan = this.plans.get(claimed.rootType());
		if (plan == null) {
			throw new PermanentPurgeFailure("No purge is defined for root type " + claimed.rootType());
		}
		PurgeJob job = claimed;
		logger.info("Purge job {} for {} {} runs from step {} (attempt {})", job.id(), job.rootType(), job.rootId(),
				job.step(), job.attempts() + 1);
		List<PurgeStep> steps = plan.steps();
		while (!PurgeJob.DONE.equals(job.step())) {
			lease.ensureHeld();
			int index = indexOf(plan, job.step());
			PurgeStep step = steps.get(index);
			StepResult result;
			long started = System.nanoTime();
			try {
				PurgeRun run = new PurgeRun(job, lease, this.jobs, this.metrics);
				result = this.requests.inStep(step.name(), () -> step.run(run));
			}
			finally {
				this.metrics.stepTimer(job.rootType(), step.name())
					.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
			if (result instanceof StepResult.Cancel cancel) {
				this.jobs.cancel(lease, cancel.reason());
				logger.info("Purge job {} for {} {} cancelled: {}", job.id(), job.rootType(), job.rootId(),
						cancel.reason());
				return RunOutcome.CANCELLED;
			}
			if (result instanceof StepResult.Defer defer) {
				this.jobs.defer(lease, defer.runAt(), defer.reason());
				logger.info("Purge job {} for {} {} deferred to {}: {}", job.id(), job.rootType(), job.rootId(),
						defer.runAt(), defer.reason());
				return RunOutcome.DEFERRED;
			}
			String next = (result instanceof StepResult.JumpTo jump) ? jump.step()
					: (index + 1 < steps.size()) ? steps.get(index + 1).name() : PurgeJob.DONE;
			logger.info("Purge job {} for {} {}: step {} done, next {}", job.id(), job.rootType(), job.rootId(),
					step.name(), next);
			if (PurgeJob.DONE.equals(next)) {
				break;
			}
			indexOf(plan, next);
			this.jobs.advance(lease, next);
			job = this.jobs.reload(lease);
		}
		this.jobs.complete(lease);
		logger.info("Purge job {} for {} {} completed", job.id(), job.rootType(), job.rootId());
		return RunOutcome.COMPLETED;
	}

	private static int indexOf(RootPurge plan, String name) {
		int index = plan.indexOf(name);
		if (index < 0) {
			throw new PermanentPurgeFailure("The plan has no step " + name);
		}
		return index;
	}

}
