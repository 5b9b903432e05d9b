package io.lethe.stores.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.stores.kafka.KafkaClients;
import io.lethe.stores.kafka.KafkaSecurity;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.vector.VectorIndex;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Health of every dependency a Lethe service has beyond its database: the Kafka broker,
 * the object store and the vector index, each under its own key of
 * {@code /actuator/health}. Importing it checks the service's Kafka login settings too
 * ({@link KafkaClients}).
 */
@Configuration(proxyBeanMethods = false)
@Import(KafkaClients.class)
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

	/**
	 * Built from the service's Kafka settings like its other clients, so it logs in as
	 * the service's user (describing the cluster needs no ACL beyond that). It takes the
	 * checked {@link KafkaSecurity} so that a missing credential is named before any
	 * Kafka client is built.
	 */
	@Bean(destroyMethod = "close")
	Admin healthAdmin(KafkaProperties kafka, KafkaSecurity security) {
		Map<String, Object> config = kafka.buildAdminProperties();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		return Admin.create(config);
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
