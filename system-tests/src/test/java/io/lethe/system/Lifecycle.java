package io.lethe.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.lethe.system.UsageModel.Item;

import static io.lethe.system.UsageModel.NEVER;

/**
 * A dataset's lifecycle as the concurrency suite's clients were told it: each delete,
 * restore, hold, release and purge-now that succeeded, between the ticks its request was
 * sent and answered. From it the suite knows for certain what state a dataset was in
 * while another request ran, or that it cannot know (a lifecycle request overlapped).
 */
final class Lifecycle {

	private Lifecycle() {
	}

	/** What a dataset's lifecycle left it as after one answered request. */
	record State(boolean active, boolean held, Instant expiresAt, Instant heldSince) {

		static final State NEW = new State(true, false, null, null);

		/**
		 * Pending deletion and still restorable at {@code at}: held, or its grace not yet
		 * over.
		 */
		boolean restorableAt(Instant at) {
			return !this.active && (this.held || (this.expiresAt != null && this.expiresAt.isAfter(at.plusSeconds(1))));
		}

	}

	/** A lifecycle request that changed a dataset, between its send and answer ticks. */
	record Transition(long start, long end, State after) {
	}

	/** A dataset; its lifecycle requests are made one at a time, under its lock. */
	static final class Dataset {

		final UUID id;

		final boolean storePreview;

		final ReentrantLock lifecycle = new ReentrantLock();

		private final List<Transition> history = new ArrayList<>();

		/** The items live when it was last deleted, and when that delete was sent. */
		List<Item> atDeletion = List.of();

		long deletedStart = NEVER;

		long heldFrom = NEVER;

		boolean restored;

		volatile boolean uncertain;

		Dataset(UUID id, boolean storePreview) {
			this.id = id;
			this.storePreview = storePreview;
		}

		synchronized void changed(long start, long end, State after) {
			this.history.add(new Transition(start, end, after));
		}

		synchronized State last() {
			return this.history.isEmpty() ? State.NEW : this.history.get(this.history.size() - 1).after();
		}

		/**
		 * Whether the dataset was, for certain, in a state that {@code test} accepts for
		 * the whole of {@code [start, end]}: no lifecycle request of it overlapped.
		 */
		synchronized boolean throughout(long start, long end, Predicate<State> test) {
			if (this.uncertain) {
				return false;
			}
			State at = State.NEW;
			for (Transition transition : this.history) {
				if (transition.start() <= end && transition.end() >= start) {
					return false;
				}
				if (transition.end() < start) {
					at = transition.after();
				}
			}
			return test.test(at);
		}

		/** Whether it was held at {@code seq} or became held at any time after. */
		synchronized boolean heldSince(long seq) {
			if (this.uncertain) {
				return true;
			}
			State at = State.NEW;
			for (Transition transition : this.history) {
				if (transition.end() < seq) {
					at = transition.after();
				}
				else if (transition.after().held()) {
					return true;
				}
			}
			return at.held();
		}

		@Override
		public String toString() {
			return "dataset " + this.id;
		}

	}

}
