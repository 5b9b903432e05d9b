package io.lethe.command.receipt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.ECKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public keys of the receipts this service holds and issues: its own completion keys
 * (the signing key and those given as previous), and {@code catalog.receipt_keys}, where
 * each worker key arrives with the first store receipt it signed and each completion key
 * as it first signs. Every receipt a deletion status shows therefore verifies with one of
 * them, a rotated-out key's included. No private part is ever read from here.
 */
@Repository
public class PublicKeys {

	/** The issuer of store receipts. */
	public static final String WORKER = "purge-worker";

	/** The issuer of completion receipts: this service. */
	public static final String COMMAND_SERVICE = "command-service";

	private final JdbcClient jdbc;

	private final CompletionKeys completionKeys;

	PublicKeys(JdbcClient jdbc, CompletionSigningProperties completion) {
		this.jdbc = jdbc;
		this.completionKeys = completion.keys();
	}

	/**
	 * Each key as its JWK's JSON text: this service's completion keys first (the signing
	 * key's leading), then those learned, the newest first.
	 */
	public List<String> all() {
		List<String> keys = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (ECKey key : this.completionKeys.publicKeys()) {
			ids.add(key.getKeyID());
			keys.add(key.toJSONString());
		}
		this.jdbc.sql("select key_id, jwk::text as jwk from catalog.receipt_keys order by first_seen_at desc, key_id")
			.query((rs, n) -> new String[] { rs.getString("key_id"), rs.getString("jwk") })
			.list()
			.stream()
			.filter((row) -> ids.add(row[0]))
			.forEach((row) -> keys.add(row[1]));
		return keys;
	}

	/** The public key of that id, with the service whose receipts it signs. */
	public Optional<Known> find(String keyId) {
		if (keyId == null || keyId.indexOf('\0') >= 0) {
			// PostgreSQL text cannot hold a NUL: no key has such an id
			return Optional.empty();
		}
		Optional<ECKey> own = this.completionKeys.verifying(keyId);
		if (own.isPresent()) {
			return Optional.of(new Known(own.get().toJSONString(), COMMAND_SERVICE));
		}
		return this.jdbc.sql("select jwk::text as jwk, issuer from catalog.receipt_keys where key_id = :id")
			.param("id", keyId)
			.query((rs, n) -> new Known(rs.getString("jwk"), rs.getString("issuer")))
			.optional();
	}

	/** Keeps a completion key's public half as it first signs. */
	void remember(ECKey publicKey) {
		this.jdbc.sql("""
				insert into catalog.receipt_keys (key_id, jwk, issuer)
				values (:id, cast(:jwk as jsonb), :issuer) on conflict (key_id) do nothing
				""")
			.param("id", publicKey.getKeyID())
			.param("jwk", publicKey.toPublicJWK().toJSONString())
			.param("issuer", COMMAND_SERVICE)
			.update();
	}

	/**
	 * A public JWK's JSON text and who signs with it ({@link #WORKER},
	 * {@link #COMMAND_SERVICE}).
	 */
	public record Known(String jwk, String issuer) {
	}

}
