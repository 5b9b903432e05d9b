/**
 * Writes a command's transaction makes and never reads back (its outbox events, its
 * ledger row, the share links its delete revokes), sent to the catalog together, in one
 * round trip, as the transaction commits.
 */
package io.lethe.command.writes;
