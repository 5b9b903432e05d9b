package io.lethe.command.deletion;

/** A signed purge receipt: the JSON body exactly as signed, and its HMAC. */
public record ReceiptView(String body, String signature, String algorithm, String keyId) {
}
