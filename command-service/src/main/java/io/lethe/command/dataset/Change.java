package io.lethe.command.dataset;

import java.util.function.Supplier;

/**
 * One field of a partial update: absent (keep the current value) or present, possibly
 * with {@code null} to clear it. {@link java.util.Optional} cannot say "set to null",
 * which PATCH needs.
 */
public record Change<T>(boolean present, T value) {

	private static final Change<?> ABSENT = new Change<>(false, null);

	@SuppressWarnings("unchecked")
	public static <T> Change<T> absent() {
		return (Change<T>) ABSENT;
	}

	public static <T> Change<T> to(T value) {
		return new Change<>(true, value);
	}

	public T orElse(T current) {
		return this.present ? this.value : current;
	}

	public T orElseGet(Supplier<T> current) {
		return this.present ? this.value : current.get();
	}

}
