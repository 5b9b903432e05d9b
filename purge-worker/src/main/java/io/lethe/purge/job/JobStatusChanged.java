package io.lethe.purge.job;

import java.util.UUID;

/**
 * Published (as a Spring application event) when a running job moved to another step or
 * ended, so that its snapshot goes out once the change commits, not at the status
 * publisher's next round: the command service learns that a purge is done within the
 * broker's round trip. Counter updates within a step do not publish it; the rounds carry
 * those.
 */
public record JobStatusChanged(UUID jobId) {
}
