# Lethe: `make run` starts the system, `make test` runs every test.
SHELL := /bin/bash
MVN := ./mvnw -B

.PHONY: run test bench build setup fmt clean

## Ensure PostgreSQL answers and pgvector is installed (builds it once when missing).
setup:
	@scripts/ensure-postgres.sh
	@scripts/ensure-pgvector.sh

## Run the whole system locally: PostgreSQL + pgvector, Kafka (KRaft) and S3Mock via devstack, both services.
run: setup
	@scripts/run.sh

## Every test, against real PostgreSQL + pgvector, a KRaft broker and an S3 server.
test: setup
	@rm -rf */target/reliability
	$(MVN) verify
	@scripts/reliability-figures

## Compile and package everything without running tests.
build:
	$(MVN) -q -DskipTests package

## Apply the project's code format (spring-javaformat); the build validates it.
fmt:
	@$(MVN) -q spring-javaformat:apply && $(MVN) -q spring-javaformat:apply

clean:
	$(MVN) -q clean
