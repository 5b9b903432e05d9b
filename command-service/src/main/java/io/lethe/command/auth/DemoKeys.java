package io.lethe.command.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For {@code make run}: two demo orgs with a member key each, and an operator key,
 * written to a local file (the only copy of the secrets) so that the launcher can print
 * them and put them in {@code .lethe/stack.env}. Keys already in the file are kept while
 * they still authenticate; otherwise fresh ones are minted.
 */
@Component
@ConditionalOnProperty("lethe.demo.keys-file")
class DemoKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoKeys.class);

	private final ApiKeyService keys;

	private final Orgs orgs;

	private final TransactionTemplate transactions;

	private final Path file;

	DemoKeys(ApiKeyService keys, Orgs orgs, TransactionTemplate transactions,
			@org.springframework.beans.factory.annotation.Value("${lethe.demo.keys-file}") Path file) {
		this.keys = keys;
		this.orgs = orgs;
		this.transactions = transactions;
		this.file = file;
	}

	@Override
	public void run(ApplicationArguments args) {
		Properties existing = read();
		if (stillValid(existing)) {
			log.info("Demo keys in {} are valid; keeping them", this.file);
			return;
		}
		Map<String, String> fresh = this.transactions.execute((status) -> mint());
		write(fresh);
		log.info("Minted demo org keys into {}", this.file);
	}

	private boolean stillValid(Properties existing) {
		return valid(existing, "LETHE_ORG_A_KEY", "LETHE_ORG_A_ID", Role.MEMBER)
				&& valid(existing, "LETHE_ORG_B_KEY", "LETHE_ORG_B_ID", Role.MEMBER)
				&& valid(existing, "LETHE_OPERATOR_KEY", null, Role.OPERATOR);
	}

	private boolean valid(Properties existing, String keyName, String orgName, Role role) {
		return this.keys.authenticate(existing.getProperty(keyName))
			.filter((caller) -> caller.role() == role)
			.filter((caller) -> orgName == null || caller.orgId().toString().equals(existing.getProperty(orgName)))
			.isPresent();
	}

	private Map<String, String> mint() {
		UUID orgA = org("demo_org_a");
		UUID orgB = org("demo_org_b");
		UUID operators = org("lethe_operators");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("LETHE_ORG_A_ID", orgA.toString());
		values.put("LETHE_ORG_A_KEY", this.keys.issue(orgA, "demo org A member", Role.MEMBER).key());
		values.put("LETHE_ORG_B_ID", orgB.toString());
		values.put("LETHE_ORG_B_KEY", this.keys.issue(orgB, "demo org B member", Role.MEMBER).key());
		values.put("LETHE_OPERATOR_ORG_ID", operators.toString());
		values.put("LETHE_OPERATOR_KEY", this.keys.issue(operators, "demo operator", Role.OPERATOR).key());
		return values;
	}

	private UUID org(String name) {
		return this.orgs.findIdByName(name).orElseGet(() -> this.orgs.create(name));
	}

	private Properties read() {
		Properties properties = new Properties();
		if (Files.isRegularFile(this.file)) {
			try (var reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				log.warn("Could not read {}: {}", this.file, ex.getMessage());
			}
		}
		return properties;
	}

	private void write(Map<String, String> values) {
		StringBuilder text = new StringBuilder("# Demo API keys for make run; the only copy of these secrets.\n");
		values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(this.file.toAbsolutePath().getParent());
			Path temp = Files.createTempFile(this.file.toAbsolutePath().getParent(), "demo-keys", ".tmp");
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write demo keys to " + this.file, ex);
		}
	}

}
