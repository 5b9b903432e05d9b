package io.lethe.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.lethe.testkit.Api.Response;

/**
 * What the concurrency suite saw: every answer counted by operation and status, and every
 * broken rule with the ids it concerns. It also keeps the suite's logical clock: each
 * request takes a tick when it is sent and one when its answer arrives, so that "this
 * delete began after that hold was in force" is a fact about the run, not a guess about
 * wall-clock time on a loaded machine.
 */
final class Findings {

	private final AtomicLong clock = new AtomicLong();

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final List<String> violations = new ArrayList<>();

	long tick() {
		return this.clock.incrementAndGet();
	}

	/**
	 * Sends one request and counts its answer; a 5xx or no answer at all breaks the first
	 * rule of the suite (a refusal must be a 4xx).
	 */
	Answer send(String operation, Supplier<Response> request) {
		long start = tick();
		Response response;
		try {
			response = request.get();
		}
		catch (RuntimeException ex) {
			long end = tick();
			count(operation, "no-answer");
			violation("5xx", operation + " got no answer: " + ex.getMessage());
			return new Answer(start, end, Instant.now(), -1, null);
		}
		long end = tick();
		count(operation, String.valueOf(response.status()));
		if (response.status() >= 500) {
			violation("5xx", operation + " answered " + abbreviate(response.toString()));
		}
		return new Answer(start, end, Instant.now(), response.status(), response);
	}

	void count(String operation, String outcome) {
		this.counts.computeIfAbsent(operation + " " + outcome, (k) -> new LongAdder()).increment();
	}

	synchronized void violation(String rule, String what) {
		this.violations.add("[" + rule + "] " + what);
	}

	synchronized List<String> violations() {
		return List.copyOf(this.violations);
	}

	/** Answers by operation and status, e.g. {@code attach 201=310}. */
	Map<String, Long> counts() {
		Map<String, Long> sorted = new TreeMap<>();
		this.counts.forEach((key, adder) -> sorted.put(key, adder.sum()));
		return sorted;
	}

	long operations() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	/**
	 * One answer, when on the suite's clock its request was sent and answered, and the
	 * wall-clock time of the answer; {@code status} is -1 when none came.
	 */
	record Answer(long start, long end, Instant answeredAt, int status, Response response) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		boolean unknown() {
			return this.status < 0 || this.status >= 500;
		}

	}

}
