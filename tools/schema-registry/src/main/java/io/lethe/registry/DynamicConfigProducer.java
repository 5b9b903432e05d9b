package io.lethe.registry;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;

import java.util.ArrayList;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/**
 * The one bean of apicurio-common-app-components-config-index, a Quarkus extension whose deployment artifact is not
 * served: without it the registry's configuration API has no list to inject. Empty: Lethe changes no registry
 * setting at run time.
 */
@ApplicationScoped
public class DynamicConfigProducer {

	@Produces
	@Singleton
	public DynamicConfigPropertyList dynamicConfigPropertyList() {
		// an empty list, not the no-argument constructor, which leaves it null and fails the authentication bean
		return new DynamicConfigPropertyList(new ArrayList<>());
	}

}
