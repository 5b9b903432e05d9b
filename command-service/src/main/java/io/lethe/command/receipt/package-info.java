/**
 * Receipts anyone can verify: the public keys of the purge worker's store receipts and of
 * this service's completion receipts, as the JWK set at {@code /.well-known/jwks.json};
 * the signing of completion receipts; and their checking for convenience.
 */
package io.lethe.command.receipt;
