package io.lethe.purge.receipt.web;

import java.time.Duration;

import io.lethe.purge.receipt.Receipts;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys receipts verify with, as a JWK set (RFC 7517): the signing key's and
 * those kept from before a rotation, never a private part. The command service serves its
 * own copy to users; this one is the worker's view, from its configuration.
 */
@RestController
class PublicKeysController {

	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final Receipts receipts;

	PublicKeysController(Receipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<String> publicKeys() {
		return ResponseEntity.ok()
			.contentType(JWK_SET)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.receipts.publicKeys());
	}

}
