/**
 * The purge engine: runs a claimed job through its root type's plan of steps
 * ({@link io.lethe.purge.engine.PurgeEngine}).
 * <ul>
 * <li>This package holds the plan and step machinery ({@code RootPurge},
 * {@code PurgeStep}, {@code PurgeRun}, {@code StepResult}, {@code FenceStep},
 * {@code PurgeScope}) and the steps plans share: objects, rows, verify and receipt for
 * all, item vectors and the target scope for assets and samples.</li>
 * <li>{@code dataset}, {@code asset} and {@code samples} hold one root type each: its
 * plan, its fence and what only it does.</li>
 * <li>{@code store} holds the store-facing plumbing the steps share with the
 * reconciler.</li>
 * </ul>
 * The machinery and the shared steps are public because the root types' packages build
 * their plans on them; the runner uses only {@code PurgeEngine}, {@code RunOutcome} and
 * {@code PermanentPurgeFailure}.
 */
package io.lethe.purge.engine;
