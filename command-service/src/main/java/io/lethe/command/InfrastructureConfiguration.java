package io.lethe.command;

import io.lethe.stores.StoresConfiguration;
import io.lethe.stores.health.InfrastructureHealth;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The stores and their health indicators. Imported here, not on
 * {@link CommandServiceApplication}: a slice test ({@code @WebMvcTest}) applies what the
 * application class declares but skips configuration classes, so it needs no database,
 * bucket or broker.
 */
@Configuration(proxyBeanMethods = false)
@Import({ StoresConfiguration.class, InfrastructureHealth.class })
class InfrastructureConfiguration {

}
