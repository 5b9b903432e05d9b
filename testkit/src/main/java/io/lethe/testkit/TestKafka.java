package io.lethe.testkit;

/** A Kafka broker for one test JVM. */
public record TestKafka(String bootstrapServers) {
}
