package io.lethe.stores.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.vector.VectorIndex;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of every dependency a Lethe service has beyond its database: the Kafka broker,
 * the object store and the vector index, each under its own key of
 * {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
public class InfrastructureHealth {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	@Bean
	HealthIndicator objectStoreHealthIndicator(ObjectStore store) {
		return new AbstractHealthIndicator("Object store unreachable") {
			@Override
			protected void doHealthCheck(Health.Builder builder) {
				store.head("lethe-health-check/probe");
				builder.up().withDetail("store", store.getClass().getSimpleName());
			}
		};
	}

	@Bean
	HealthIndicator vectorIndexHealthIndicator(VectorIndex index) {
		return new AbstractHealthIndicator("Vector index unreachable") {
			@Override
			protected void doHealthCheck(Health.Builder builder) {
				builder.up().withDetail("collections", index.collections().size());
			}
		};
	}

	@Bean(destroyMethod = "close")
	Admin healthAdmin(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
	}

	@Bean
	HealthIndicator kafkaHealthIndicator(Admin healthAdmin) {
		return new AbstractHealthIndicator("Kafka unreachable") {
			@Override
			protected void doHealthCheck(Health.Builder builder) throws Exception {
				int brokers = healthAdmin
					.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
					.nodes()
					.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
					.size();
				builder.up().withDetail("brokers", brokers);
			}
		};
	}

}
