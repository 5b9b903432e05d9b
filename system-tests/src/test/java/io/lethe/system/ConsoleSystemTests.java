package io.lethe.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.testkit.Api;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven by its
 * chromedriver) against the running system: one browser for every step, in order. The
 * console's files need no key and are served under a strict Content-Security-Policy;
 * every figure it shows comes from the operator API with the key typed in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSystemTests {

	private static final LetheSystem system = LetheSystem.get();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/**
	 * Where the screenshots go; the README's come from
	 * {@code -Dlethe.console.screenshots=../docs/console}.
	 */
	private static final Path SHOTS = Path.of(System.getProperty("lethe.console.screenshots", "target/console"));

	private static final Path DOWNLOADS = Path.of("target/console-downloads");

	private static WebDriver browser;

	/**
	 * Consumers this class registered: retired at the end, so no other test waits for
	 * them.
	 */
	private static final List<String> consumers = new ArrayList<>();

	/** The consumer keys of the consumers this class registered, by name. */
	private static final Map<String, String> consumerKeys = new HashMap<>();

	private final Api api = new Api(system.commandService.baseUrl());

	@BeforeAll
	static void aHeadlessBrowser() throws IOException {
		if (System.getProperty("lethe.chromium") == null) {
			// make test started the install in the background; this waits for it (or
			// installs when run on its own)
			OpsFiles.Run setup = OpsFiles.run(OpsFiles.ROOT,
					OpsFiles.ROOT.resolve("scripts/ensure-chromium.sh").toString());
			if (setup.exit() != 0) {
				throw new IllegalStateException("scripts/ensure-chromium.sh could not provide Chromium: " + setup);
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("lethe.chromium", "/usr/bin/chromium"));
		// root in a container has no user namespace to sandbox in; the pages are our own
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1000", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("lethe.chromedriver", "/usr/bin/chromedriver")).toFile())
			.build();
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				DOWNLOADS.toAbsolutePath().toString(), "download.prompt_for_download", false));
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1280, 1000));
		Files.createDirectories(SHOTS);
		Files.createDirectories(DOWNLOADS);
	}

	@AfterAll
	static void closeTheBrowserAndRetireTheConsumers() {
		Api api = new Api(system.commandService.baseUrl());
		for (String consumer : consumers) {
			api.delete("/api/v1/admin/consumers/" + consumer, system.operatorKey());
		}
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void theConsoleIsServedWithoutAKeyUnderAStrictContentSecurityPolicyAndIsNoApiRoute() {
		Response page = this.api.get("/console/", null);
		Response script = this.api.get("/console/js/main.js", null);
		Response redirect = this.api.get("/console", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>")
			.doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
		assertThat(script.status()).isEqualTo(200);
		assertThat(redirect.status()).as(redirect.toString()).isIn(200, 302);
	}

	@Test
	@Order(2)
	void aMemberKeyIsRefusedAsNotAnOperatorKey() {
		browser.get(system.commandService.baseUrl() + "/console/#/sign-in");

		signIn(system.orgAKey());

		WebElement refusal = waitFor(By.cssSelector("#sign-in .message.error"));
		assertThat(refusal.getText()).contains("This key is not an operator key");
		assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
		screenshot("member-key-refused");
	}

	@Test
	@Order(3)
	void anOperatorWatchesADeletedDatasetReachPurgedAndReadsItsReceiptAndItsDownstreamLedger() {
		// two consumers hold copies of datasets: one has an hour to answer, the other a
		// second, which passes unanswered
		String waiting = register("console_index", "PT1H");
		String late = register("console_cache", "PT1S");
		String dataset = dataset("console_purge");
		assertThat(this.api
			.upload("/api/v1/datasets/" + dataset + "/items", system.orgAKey(), "photo.png", "image/png",
					TestImages.png(32, 24), Map.of())
			.status()).isEqualTo(201);
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", system.orgAKey()).status())
			.isEqualTo(200);
		signIn(system.operatorKey());
		waitFor(By.id("deletions-table"));

		type(By.id("search"), dataset);
		// the list is redrawn every few seconds: each look reads one drawing, or looks
		// again
		By row = By.cssSelector("tr[data-root='" + dataset + "']");
		String state = stable(Duration.ofSeconds(90), (b) -> {
			String shown = b.findElement(row).findElement(By.cssSelector(".state")).getText();
			return "purged".equals(shown) ? shown : null;
		});
		Integer bars = stable(PATIENCE, (b) -> b.findElement(row).findElements(By.tagName("progress")).size());
		String hover = stable(PATIENCE,
				(b) -> b.findElement(row).findElement(By.tagName("time")).getAttribute("title"));
		String ledger = stable(PATIENCE, (b) -> {
			String shown = b.findElement(row).findElement(By.cssSelector(".ledger")).getText();
			return shown.contains("overdue") ? shown : null;
		});
		assertThat(state).isEqualTo("purged");
		assertThat(bars).isEqualTo(3);
		assertThat(hover).startsWith("UTC: ");
		assertThat(ledger).startsWith("Downstream: 0 of ").contains(" acknowledged; 1 overdue");
		screenshot("deletions");

		stable(PATIENCE, (b) -> {
			b.findElement(row).findElement(By.linkText("dataset " + dataset)).click();
			return true;
		});
		WebElement receipt = waitFor(By.id("receipt"));
		assertThat(receipt.getText()).contains("was purged", "Rows remaining\n0", "Object versions remaining\n0");
		assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("Requested",
				"Verified: nothing left", "Receipt signed");
		WebElement download = browser.findElement(By.id("download-receipt"));
		assertThat(download.getAttribute("href")).startsWith("blob:");
		assertThat(download.getAttribute("download")).endsWith(".json");
		download.click();
		Path file = DOWNLOADS.resolve(download.getAttribute("download"));
		String downloaded = new WebDriverWait(browser, PATIENCE).until((b) -> read(file));
		Response verified = new Api(system.worker.baseUrl()).send("POST", "/api/v1/receipts/verify", Map.of(),
				downloaded);
		assertThat(verified.json().get("valid").booleanValue()).as("the worker verifies the downloaded file as it is")
			.isTrue();
		browser.findElement(By.id("check-receipt")).click();
		// the browser checks the JWS itself against /.well-known/jwks.json, as an auditor
		// would
		assertThat(waitFor(By.cssSelector("#receipt-check .message.ok")).getText())
			.contains("ES256 signature checks against public key", "nothing was left in any store");
		((JavascriptExecutor) browser).executeScript("document.getElementById('receipt').scrollIntoView()");
		screenshot("deletion-receipt");

		assertThat(consumerRow(By.id("downstream"), waiting)).contains("required", "waiting");
		assertThat(consumerRow(By.id("downstream"), late)).contains("required", "overdue");
		((JavascriptExecutor) browser).executeScript("document.getElementById('downstream').scrollIntoView()");
		screenshot("deletion-downstream");

		browser.findElement(By.linkText("Downstream")).click();
		String overdue = stable(PATIENCE, (b) -> b
			.findElement(By.cssSelector("#overdue-table tr[data-root='" + dataset + "'][data-consumer='" + late + "']"))
			.getText());
		assertThat(overdue).contains("overdue");
		assertThat(consumerRow(By.id("consumers-table"), waiting)).contains("PT1H", "live");
		screenshot("downstream");

		// both answer: the ledger closes and the command service signs the completion
		// receipt, which the deletion's page shows and the browser checks
		for (String consumer : List.of(waiting, late)) {
			Response ack = this.api.post("/api/v1/deletions/dataset/" + dataset + "/acks", consumerKeys.get(consumer),
					Map.of("outcome", "deleted", "items_deleted", 1));
			assertThat(ack.status()).as(ack.body()).isEqualTo(200);
		}
		browser.navigate().back();
		WebElement completion = waitFor(By.id("completion-receipt"));
		assertThat(completion.getText()).contains(waiting, late);
		browser.findElement(By.id("check-completion-receipt")).click();
		assertThat(waitFor(By.cssSelector("#completion-receipt .message.ok")).getText())
			.contains("ES256 signature checks against public key");
	}

	@Test
	@Order(4)
	void anOperatorPlacesAndReleasesALegalHoldEachConfirmed() {
		String dataset = dataset("console_hold");
		browser.findElement(By.linkText("Legal holds")).click();
		type(By.id("hold-dataset"), dataset);
		type(By.id("hold-reason"), "litigation 2026-17");

		browser.findElement(By.id("place-hold")).click();
		confirm();
		assertThat(waitForText(By.id("hold-status"), "is held")).isTrue();
		assertThat(deletionStatus(dataset).get("legal_hold").booleanValue()).isTrue();
		waitForText(By.id("hold-history"), "Placed");
		screenshot("legal-holds");

		browser.findElement(By.id("release-hold")).click();
		confirm();
		assertThat(waitForText(By.id("hold-status"), "no longer held")).isTrue();
		assertThat(deletionStatus(dataset).get("legal_hold").booleanValue()).isFalse();
		assertThat(waitForText(By.id("hold-history"), "Released")).isTrue();
	}

	@Test
	@Order(5)
	void anOperatorReadsAFailedJobsErrorAndRetriesItConfirmedAndAudited() throws SQLException {
		String dataset = dataset("console_retry");
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT1H", system.orgAKey()).status())
			.isEqualTo(200);
		// its worker died while fencing it, again and again, until its last attempt's
		// lease lapsed: the worker-crash tests make such a job for real; set up here in
		// purge.jobs, the next worker to take it over fails it at once
		new WebDriverWait(browser, PATIENCE).until((b) -> crashedOnItsLastAttempt(dataset));
		String job = new WebDriverWait(browser, PATIENCE).until((b) -> failedJob(dataset));

		browser.findElement(By.linkText("Failed jobs")).click();
		By error = By.cssSelector("details.error-detail[data-root='" + dataset + "']");
		stable(PATIENCE, (b) -> {
			b.findElement(error).findElement(By.tagName("summary")).click();
			return true;
		});
		assertThat(waitFor(By.cssSelector("details.error-detail[data-root='" + dataset + "'] pre")).getText())
			.contains("the lease of console-test-crashed-worker lapsed (worker died?); taken over");
		screenshot("failed-jobs");

		browser.findElement(By.cssSelector("tr[data-root='" + dataset + "'] button.retry")).click();
		confirm();
		assertThat(waitForText(By.id("failed-status"), "Retry asked for job " + job)).isTrue();
		browser.findElement(By.linkText("Follow the dataset " + dataset)).click();

		// the worker took it again: scheduled, attempts from 0, until its grace ends
		String facts = stable(PATIENCE, (b) -> {
			String shown = b.findElement(By.cssSelector("#deletion .facts")).getText();
			return shown.contains("State\nscheduled") && shown.contains("Attempts\n0") ? shown : null;
		});
		assertThat(facts).contains("Purge job\n" + job);
		assertThat(waitForText(By.cssSelector("#deletion .timeline"), "Audit: purge.retry")).isTrue();
		List<String> retries = new ArrayList<>();
		this.api.get("/api/v1/admin/audit?target_id=" + dataset + "&limit=20", system.operatorKey())
			.json()
			.get("data")
			.forEach((entry) -> {
				if ("purge.retry".equals(entry.get("action").stringValue())) {
					retries.add(entry.get("detail").get("job_id").stringValue());
				}
			});
		assertThat(retries).as("the console's retry is audited as the API's").containsExactly(job);
		// restored: its job is cancelled, nothing of this test waits for the hour
		assertThat(this.api.post("/api/v1/datasets/" + dataset + "/restore", system.orgAKey(), null).status())
			.isEqualTo(200);
	}

	@Test
	@Order(6)
	void theReconcilerAndADeadLetterDryRunAreOneClickAway() {
		browser.findElement(By.linkText("Reconciler")).click();
		// the operators' own org holds no data: its dry run costs the worker nothing
		type(By.id("reconcile-org"), system.keys.getProperty("LETHE_OPERATOR_ORG_ID"));
		browser.findElement(By.id("reconcile-dry-run")).click();
		assertThat(waitForText(By.id("reconcile-status"), "Dry run")).isTrue();
		String run = browser.findElement(By.id("reconcile-status")).getText().split(" ")[2];
		String listed = stable(PATIENCE, (b) -> b.findElement(By.cssSelector("tr[data-run='" + run + "']")).getText());
		assertThat(listed).contains("dry run (reports only)");
		screenshot("reconciler");

		browser.findElement(By.linkText("Dead letters")).click();
		// the page renders once its module has loaded: looked up at once, the button
		// was not there yet in one clean-clone run
		waitFor(By.id("dlt-dry-run")).click();

		assertThat(waitForText(By.id("dlt-result"), "Dry run: a replay would re-deliver")).isTrue();
		screenshot("dead-letters");
	}

	private static void signIn(String key) {
		if (browser.findElement(By.id("nav")).isDisplayed()) {
			browser.findElement(By.id("sign-out")).click();
		}
		type(By.id("key"), key);
		browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
	}

	private static void confirm() {
		WebElement ok = waitFor(By.id("confirm-ok"));
		ok.click();
	}

	private static void type(By field, String text) {
		WebElement element = waitFor(field);
		element.clear();
		element.sendKeys(text);
	}

	private static WebElement waitFor(By element) {
		return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	/** Looks until it finds, looking again at an element the page has redrawn since. */
	private static <T> T stable(Duration patience, java.util.function.Function<WebDriver, T> look) {
		return new WebDriverWait(browser, patience).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(look);
	}

	private static boolean waitForText(By element, String text) {
		return new WebDriverWait(browser, PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	private String dataset(String name) {
		return this.api.post("/api/v1/datasets", system.orgAKey(), Map.of("name", name + "_" + System.nanoTime()))
			.json()
			.get("id")
			.stringValue();
	}

	/** A consumer of datasets registered by the operator, by its name. */
	private String register(String name, String deadline) {
		String unique = name + "_" + System.nanoTime();
		Response registered = this.api.post("/api/v1/admin/consumers", system.operatorKey(),
				Map.of("name", unique, "root_types", List.of("dataset"), "ack_deadline", deadline, "required", true));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		consumers.add(registered.json().get("consumer").get("id").stringValue());
		consumerKeys.put(unique, registered.json().get("key").get("key").stringValue());
		return unique;
	}

	private static String consumerRow(By table, String consumer) {
		return stable(PATIENCE,
				(b) -> b.findElement(table)
					.findElement(By.cssSelector("tr[data-consumer='" + consumer + "']"))
					.getText());
	}

	/**
	 * Once the worker has scheduled the dataset's job, makes it look as a job whose
	 * worker died on its last attempt left it: running, its lease lapsed, 4 of the
	 * worker's 5 attempts (its default) spent, the taking over counting the fifth.
	 */
	private static Boolean crashedOnItsLastAttempt(String dataset) {
		try (Connection connection = system.postgres.connect();
				PreparedStatement crashed = connection.prepareStatement("""
						update purge.jobs set state = 'running', lease_owner = 'console-test-crashed-worker',
						       lease_expires_at = now() - interval '1 second', run_at = now(),
						       attempts = 4, updated_at = now()
						 where root_type = 'dataset' and root_id = ? and state = 'scheduled' and started_at is null
						""")) {
			crashed.setObject(1, UUID.fromString(dataset));
			return crashed.executeUpdate() == 1 ? true : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The job of the dataset once the operator API lists it as failed, else null. */
	private String failedJob(String dataset) {
		for (tools.jackson.databind.JsonNode job : this.api
			.get("/api/v1/admin/purges?state=failed&limit=100", system.operatorKey())
			.json()
			.get("data")) {
			if (job.get("root_id").stringValue().equals(dataset)) {
				return job.get("job_id").stringValue();
			}
		}
		return null;
	}

	private tools.jackson.databind.JsonNode deletionStatus(String dataset) {
		return this.api.get("/api/v1/datasets/" + dataset + "/deletion", system.orgAKey()).json();
	}

	/** A downloaded file's text once it is whole, else null. */
	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void screenshot(String name) {
		try {
			Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
