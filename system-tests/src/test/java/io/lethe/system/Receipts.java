package io.lethe.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.lethe.testkit.Api;
import io.lethe.testkit.ReceiptJwks;
import tools.jackson.databind.JsonNode;

/**
 * Checks a receipt the way its owner would: its JWS against the public keys the command
 * service publishes at {@code /.well-known/jwks.json}, with a JOSE implementation other
 * than the worker's.
 */
final class Receipts {

	private Receipts() {
	}

	/**
	 * Whether the deletion status's receipt verifies with the published keys, and its JWS
	 * signs exactly the body the status shows.
	 */
	static boolean verifies(JsonNode receipt) {
		String jws = receipt.get("jws").stringValue();
		return payload(jws).equals(receipt.get("body_text").stringValue()) && verifies(jws);
	}

	/** Whether the compact JWS verifies with the published keys. */
	static boolean verifies(String jws) {
		Api.Response jwks = new Api(LetheSystem.get().commandService.baseUrl()).get("/.well-known/jwks.json", null);
		return jwks.status() == 200 && ReceiptJwks.verifies(jws, jwks.body());
	}

	/** The receipt's JWS with its payload changed, its signature kept. */
	static String tampered(JsonNode receipt, String from, String to) {
		return ReceiptJwks.tampered(receipt.get("jws").stringValue(), from, to);
	}

	private static String payload(String jws) {
		return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
