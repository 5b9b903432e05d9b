/**
 * Receipts anyone can verify: the public keys the purge worker signs receipts with, as
 * the JWK set at {@code /.well-known/jwks.json}.
 */
package io.lethe.command.receipt;
