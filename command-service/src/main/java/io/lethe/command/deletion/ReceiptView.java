package io.lethe.command.deletion;

/**
 * A signed purge receipt: the JSON body exactly as signed, its signature, and for a
 * receipt signed as a JWS its compact serialization (null for one of the HMAC era).
 */
public record ReceiptView(String body, String signature, String algorithm, String keyId, String jws) {
}
