package io.lethe.purge;

import com.zaxxer.hikari.HikariDataSource;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.PurgeJobs;
import io.lethe.purge.receipt.Receipts;
import io.lethe.purge.runner.PurgeRunner;
import io.lethe.stores.object.ObjectStore;
import io.lethe.stores.vector.VectorIndex;
import io.lethe.testkit.DatabaseRoles;
import io.lethe.testkit.ServiceSettings;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import io.lethe.testkit.TestSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one base of the purge worker's integration tests: the worker on a random port, on
 * the real PostgreSQL (with pgvector), Kafka broker and S3 server that
 * {@link TestInfrastructure} starts once per JVM. The catalog schema comes from the
 * catalog contract's migrations, as the command service runs them in production. Every
 * subclass shares one application context; the runner runs every half second, with small
 * chunks so that purges cross many chunk boundaries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FaultInjection.class)
public abstract class PurgeWorkerIntegrationTest {

	/**
	 * The test's own connection to the database, as its superuser: fixtures write the
	 * catalog as the command service would and read whatever a test checks. The worker
	 * under test connects as its own role ({@code lethe_worker}), with the catalog
	 * contract's grants only.
	 */
	protected final JdbcClient jdbc = JdbcClient.create(FIXTURES);

	/** Where health, metrics and Prometheus are served: a port of their own. */
	@LocalManagementPort
	protected int managementPort;

	/** The worker's own connection pool: what its role may do. */
	@Autowired
	protected JdbcClient workerJdbc;

	@Autowired
	protected ObjectStore objects;

	@Autowired
	protected FaultyObjectStore faults;

	@Autowired
	protected VectorIndex vectors;

	@Autowired
	protected PurgeRunner runner;

	@Autowired
	protected PurgeJobs jobs;

	@Autowired
	protected Receipts receipts;

	@Autowired
	private TransactionTemplate transactions;

	protected Catalog catalog;

	private static final TestPostgres POSTGRES = TestInfrastructure.postgres();

	private static final HikariDataSource FIXTURES = fixtures(POSTGRES);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestSchemas.catalog(POSTGRES);
		ServiceSettings.springProperties(POSTGRES.as(DatabaseRoles.WORKER), registry::add);
		registry.add("lethe.purge.schedule.interval", () -> "PT0.5S");
		registry.add("lethe.purge.lease", () -> "PT3S");
		registry.add("lethe.purge.max-attempts", () -> "3");
		registry.add("lethe.purge.retry.initial-backoff", () -> "PT0.2S");
		registry.add("lethe.purge.retry.max-backoff", () -> "PT1S");
		registry.add("lethe.purge.intake.backoff", () -> "100ms");
		registry.add("lethe.purge.intake.transient-backoff.initial-backoff", () -> "100ms");
		registry.add("lethe.purge.intake.transient-backoff.max-backoff", () -> "400ms");
		registry.add("lethe.purge.shards.lease", () -> "PT3S");
		registry.add("lethe.purge.shards.recheck", () -> "100ms");
		registry.add("lethe.purge.engine.vector-chunk", () -> "500");
		registry.add("lethe.purge.engine.object-batch", () -> "50");
		registry.add("lethe.purge.engine.row-chunk", () -> "300");
		// a purge of more rows than this deletes its items and assets in two ranges side
		// by side
		registry.add("lethe.purge.engine.row-chunk-max", () -> "600");
		registry.add("lethe.purge.engine.prefixes-per-checkpoint", () -> "2");
		// small orgs of the tests are listed in 16 shards unless a test says otherwise
		registry.add("lethe.purge.engine.org-sweep-one-shard-assets", () -> "100");
		registry.add("lethe.purge.engine.vacuum-after-vectors", () -> "1000");
		registry.add("lethe.purge.engine.in-flight-recheck", () -> "PT0.3S");
		registry.add("lethe.purge.engine.store-retry.initial-backoff", () -> "20ms");
		registry.add("lethe.purge.engine.store-retry.max-backoff", () -> "100ms");
		registry.add("lethe.receipts.signing-key", () -> TEST_SIGNING_KEY);
		registry.add("lethe.receipts.previous-public-keys", () -> "{\"keys\": [" + TEST_PREVIOUS_SIGNING_KEY + "]}");
		registry.add("lethe.receipts.hmac-key", () -> TEST_RECEIPT_KEY);
		registry.add("lethe.receipts.key-id", () -> "test-1");
		registry.add("lethe.receipts.previous-keys", () -> "test-0=" + TEST_PREVIOUS_RECEIPT_KEY);
		// the reconciler runs only when a test asks, and a test may ask for any safety
		// age
		registry.add("lethe.reconcile.schedule.cron", () -> "-");
		registry.add("lethe.reconcile.poll", () -> "PT0.2S");
		registry.add("lethe.reconcile.min-safety-age", () -> "PT0S");
	}

	/** The private JWK receipts are signed with in tests. */
	protected static final String TEST_SIGNING_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"test-es256-1\","
			+ "\"x\":\"GyFMD4wArrx5G4vGBU3tOEVyys0NPPOlFx_lteCrS9E\",\"y\":\"G3wVq9k931WfLOrniosrSsnUMHCAMW6h-NXzolNU4ZE\","
			+ "\"d\":\"7zl0f-9hx2dD_SbdKsQtJ1L643Dow3PMEoNRipYl-fI\"}";

	/**
	 * The private JWK receipts were signed with before the last rotation; the worker is
	 * given only its public part (its {@code d} is ignored), and a test signs with it.
	 */
	protected static final String TEST_PREVIOUS_SIGNING_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\","
			+ "\"kid\":\"test-es256-0\",\"x\":\"iD9i9tJF8HEPvwNZpo7vXEV_iFKDperAVJTiBIMEudI\","
			+ "\"y\":\"IySdKyacLSVZaqmIDcRaVHKOkWyV_47qSNp2ro4Fpg8\",\"d\":\"hLT3-xIRJ7dys9hGRmZ2ha0CSmm4mr7OQI8H4k76geU\"}";

	/** The HMAC key receipts of the HMAC era were signed with in tests. */
	protected static final String TEST_RECEIPT_KEY = "lethe-test-receipt-key-0123456789abcdef";

	/** An older HMAC key, which still verifies. */
	protected static final String TEST_PREVIOUS_RECEIPT_KEY = "lethe-retired-receipt-key-0123456789abcdef";

	/** Whether the worker verifies a receipt's JWS. */
	protected boolean verifies(String jws) {
		return this.receipts.verifyJws(jws).valid();
	}

	/**
	 * The JWS with {@code from} replaced by {@code to} in its payload, signature kept.
	 */
	protected static String tampered(String jws, String from, String to) {
		return io.lethe.testkit.ReceiptJwks.tampered(jws, from, to);
	}

	private static HikariDataSource fixtures(TestPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.jdbcUrl());
		dataSource.setUsername(postgres.username());
		dataSource.setPassword(postgres.password());
		dataSource.setMaximumPoolSize(4);
		dataSource.setPoolName("test-fixtures");
		return dataSource;
	}

	@BeforeEach
	void fixtures() {
		this.catalog = new Catalog(this.jdbc, this.objects, this.vectors, this.transactions);
	}

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	@AfterAll
	static void closeKafkaClients() {
		KafkaProbe.close();
	}

	protected PurgeJob jobOf(java.util.UUID dataset) {
		return jobOf(PurgeJob.DATASET, dataset);
	}

	protected PurgeJob jobOf(String rootType, java.util.UUID root) {
		return this.jobs.findByRoot(rootType, root).orElseThrow(() -> new AssertionError("no job yet"));
	}

}
