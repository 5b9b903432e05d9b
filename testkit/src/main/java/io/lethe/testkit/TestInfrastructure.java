package io.lethe.testkit;

import java.util.function.Supplier;

/**
 * The real infrastructure integration tests run on, started once per test JVM and only
 * when first asked for. Where a Docker engine answers, containers supply it
 * (pgvector/pgvector, apache/kafka, adobe/s3mock); where none does, the local PostgreSQL,
 * an embedded KRaft broker and the S3Mock process do.
 * {@code LETHE_TEST_INFRA=local|docker} forces the choice. Either way each JVM gets its
 * own database and bucket contents, so runs never see each other.
 */
public final class TestInfrastructure {

	private static final Mode MODE = Mode.detect();

	static {
		System.out.println("Lethe test infrastructure: " + ((MODE == Mode.DOCKER) ? "containers (Docker engine found)"
				: "local PostgreSQL, embedded KRaft broker, S3Mock process (no Docker engine)"));
	}

	private static final Supplier<TestPostgres> POSTGRES = Lazy
		.of(() -> (MODE == Mode.DOCKER) ? ContainerInfrastructure.postgres() : LocalInfrastructure.postgres());

	private static final Supplier<TestKafka> KAFKA = Lazy
		.of(() -> (MODE == Mode.DOCKER) ? ContainerInfrastructure.kafka() : LocalInfrastructure.kafka());

	private static final Supplier<TestS3> S3 = Lazy
		.of(() -> (MODE == Mode.DOCKER) ? ContainerInfrastructure.s3() : LocalInfrastructure.s3());

	private static final Supplier<TestSchemaRegistry> SCHEMA_REGISTRY = Lazy.of(LocalSchemaRegistry::start);

	private TestInfrastructure() {
	}

	/** A database of this JVM's own, with the {@code vector} extension created. */
	public static TestPostgres postgres() {
		return POSTGRES.get();
	}

	/** A KRaft broker with Lethe's topics. */
	public static TestKafka kafka() {
		return KAFKA.get();
	}

	/** An S3 HTTP server with a versioned bucket. */
	public static TestS3 s3() {
		return S3.get();
	}

	/**
	 * A schema registry (Apicurio, built on this machine once and cached), started only
	 * for the tests that ask for it, in either mode.
	 */
	public static TestSchemaRegistry schemaRegistry() {
		return SCHEMA_REGISTRY.get();
	}

	public static Mode mode() {
		return MODE;
	}

	/** Where the infrastructure comes from. */
	public enum Mode {

		DOCKER, LOCAL;

		static Mode detect() {
			String forced = System.getenv("LETHE_TEST_INFRA");
			if ("local".equalsIgnoreCase(forced)) {
				return LOCAL;
			}
			if ("docker".equalsIgnoreCase(forced)) {
				return DOCKER;
			}
			return ContainerInfrastructure.dockerAvailable() ? DOCKER : LOCAL;
		}

	}

}
