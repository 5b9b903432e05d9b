# Lethe: `make run` starts the system, `make test` runs every test.
SHELL := /bin/bash
MVN := ./mvnw -B

.PHONY: run test bench build setup fmt clean

## Ensure PostgreSQL answers and pgvector is installed (builds it once when missing).
setup:
	@scripts/ensure-postgres.sh
	@scripts/ensure-pgvector.sh

## Run the whole system locally: PostgreSQL + pgvector, Kafka (KRaft) and S3Mock via devstack, both services.
## LETHE_SCHEMA_REGISTRY=local adds a schema registry (built once per machine) and runs both services in registry
## mode; LETHE_SCHEMA_REGISTRY_URL=... uses your own.
run: setup
	@scripts/run.sh

## Every test, against real PostgreSQL + pgvector, a KRaft broker and an S3 server; the bench harness compiles too.
## First the lint of the committed OpenAPI documents (Redocly's recommended rules, pinned in tools/openapi-lint).
test: setup
	@scripts/openapi-lint
	@rm -rf */target/reliability
	@# promtool, Chromium and the schema registry (for the ops/, console and registry tests, minutes later) are
	@# fetched or built while the build runs; the tests wait for them. The registry is built once per machine.
	@mkdir -p .lethe && { scripts/ensure-promtool.sh > .lethe/ensure-promtool.log 2>&1 & }
	@{ scripts/ensure-chromium.sh > .lethe/ensure-chromium.log 2>&1 & }
	@{ scripts/ensure-schema-registry.sh > .lethe/ensure-schema-registry.log 2>&1 & }
	$(MVN) verify -Pbench
	@scripts/reliability-figures

## Benchmarks (bench/): a stack of its own, Lethe beside a floor and a naive peer, JSON in bench/results/.
## BENCH_ARGS passes options, e.g. make bench BENCH_ARGS=--large (1,000,000 items) or BENCH_ARGS='--items 2000';
## BENCH_JAVA_OPTS the bench JVM's, e.g. BENCH_JAVA_OPTS=-Dlethe.bench.jfr=/tmp/jfr (a JFR recording per service).
bench: setup
	$(MVN) -q -DskipTests -Pbench package
	java $(BENCH_JAVA_OPTS) -Dlethe.root=$(CURDIR) -Dlethe.s3mock.jar=$(CURDIR)/devstack/target/s3mock/s3mock.jar \
	  -cp bench/target/classes:$$(cat bench/target/classpath.txt) io.lethe.bench.Bench $(BENCH_ARGS)

## Compile and package everything without running tests.
build:
	$(MVN) -q -DskipTests package

## Apply the project's code format (spring-javaformat); the build validates it.
fmt:
	@$(MVN) -q spring-javaformat:apply && $(MVN) -q spring-javaformat:apply

clean:
	$(MVN) -q clean
