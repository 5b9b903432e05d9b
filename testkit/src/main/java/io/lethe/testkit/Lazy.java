package io.lethe.testkit;

import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first. */
final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> factory;

	private volatile T value;

	private Lazy(Supplier<T> factory) {
		this.factory = factory;
	}

	static <T> Lazy<T> of(Supplier<T> factory) {
		return new Lazy<>(factory);
	}

	@Override
	public T get() {
		T result = this.value;
		if (result == null) {
			synchronized (this) {
				result = this.value;
				if (result == null) {
					result = this.factory.get();
					this.value = result;
				}
			}
		}
		return result;
	}

}
