package io.lethe.purge;

import io.lethe.stores.object.ObjectStore;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts the fault switch of {@link FaultyObjectStore} in front of the real object store.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

	@Bean
	@Primary
	FaultyObjectStore faultyObjectStore(@Qualifier("objectStore") ObjectStore objectStore) {
		return new FaultyObjectStore(objectStore);
	}

}
