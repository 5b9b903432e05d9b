/**
 * The worker's state snapshots on {@code lethe.purge-events}: every change a status shows
 * of a purge job ({@code PurgeJobUpdated}) or reconciliation run
 * ({@code ReconcileRunUpdated}) reaches the command service, which keeps its own copy and
 * never reads schema {@code purge}.
 */
package io.lethe.purge.status;
