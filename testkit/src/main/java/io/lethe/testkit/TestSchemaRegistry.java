package io.lethe.testkit;

/**
 * A schema registry for one test JVM: Apicurio Registry built on this machine
 * (scripts/ensure-schema-registry.sh), in memory.
 *
 * @param url the root of the registry
 * @param confluentApi its Confluent-compatible API, the URL Lethe's codec and any
 * registry-aware Kafka client take
 */
public record TestSchemaRegistry(String url, String confluentApi) {
}
