package io.lethe.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls sent at the same instant, each from a thread of its own released by one barrier,
 * so that a rule about data meets the race it must survive rather than a queue.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/** The answers to the calls, in the order of the calls; a call that threw throws. */
	public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(calls.size());
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<T>> sent = new ArrayList<>();
			for (Callable<T> call : calls) {
				sent.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			List<T> answers = new ArrayList<>();
			for (Future<T> answer : sent) {
				answers.add(answer.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
