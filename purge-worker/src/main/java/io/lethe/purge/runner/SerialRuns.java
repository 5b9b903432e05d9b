package io.lethe.purge.runner;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a piece of work one at a time, folding the requests that arrive while it runs into
 * one more run after it. Written here because an executor would queue one run per
 * request, and a plain lock would make the schedule's thread wait behind an event's run.
 */
final class SerialRuns {

	private final Runnable work;

	private final ReentrantLock running = new ReentrantLock();

	private final AtomicBoolean requested = new AtomicBoolean();

	SerialRuns(Runnable work) {
		this.work = work;
	}

	/**
	 * Runs the work now, or has the run under way run it again once it ends (and returns
	 * at once).
	 */
	void run() {
		this.requested.set(true);
		// the flag is read again after each unlock: a request that found the lock taken
		// just before it was released is not lost
		while (this.requested.get() && this.running.tryLock()) {
			try {
				while (this.requested.getAndSet(false)) {
					this.work.run();
				}
			}
			finally {
				this.running.unlock();
			}
		}
	}

}
