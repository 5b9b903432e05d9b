/**
 * The downstream ledger: the consumers operators register (search indexes, caches,
 * feature stores), the deletions they are asked about, their acknowledgements over REST
 * or {@code lethe.deletion-acks}, and the {@code DeletionCompleted} event once Lethe's
 * purge is done and every required consumer answered.
 */
package io.lethe.command.ledger;
