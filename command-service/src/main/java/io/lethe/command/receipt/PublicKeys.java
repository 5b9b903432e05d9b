package io.lethe.command.receipt;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public keys of the receipts this service holds ({@code catalog.receipt_keys}): each
 * arrives from the worker with the first receipt it signed, so every receipt a deletion
 * status shows verifies with one of them, a rotated-out key's included. The service never
 * holds a private key.
 */
@Repository
public class PublicKeys {

	private final JdbcClient jdbc;

	PublicKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each key as its JWK's JSON text, the newest first. */
	public List<String> all() {
		return this.jdbc.sql("select jwk::text from catalog.receipt_keys order by first_seen_at desc, key_id")
			.query(String.class)
			.list();
	}

}
