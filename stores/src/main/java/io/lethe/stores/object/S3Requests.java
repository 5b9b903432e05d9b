package io.lethe.stores.object;

import java.util.function.Consumer;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Tells a listener of each HTTP request the SDK sends (every try, every page), by
 * operation name, on the thread that sends it.
 */
final class S3Requests implements ExecutionInterceptor {

	private volatile Consumer<String> listener = (operation) -> {
	};

	void listener(Consumer<String> listener) {
		this.listener = listener;
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
	}

	/** A request sent outside the SDK's client ({@link S3PurgeCalls}). */
	void sent(String operation) {
		this.listener.accept(operation);
	}

}
