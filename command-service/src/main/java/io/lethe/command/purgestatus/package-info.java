/**
 * The command service's copy of the purge worker's jobs, receipts and reconciliation
 * runs, kept from the worker's snapshots on {@code lethe.purge-events}. The deletion
 * status and admin routes read this copy; the command service never reads the worker's
 * schema.
 */
package io.lethe.command.purgestatus;
