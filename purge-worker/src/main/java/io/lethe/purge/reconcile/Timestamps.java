package io.lethe.purge.reconcile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the PostgreSQL driver takes and gives them ({@code timestamptz}). */
final class Timestamps {

	private Timestamps() {
	}

	static OffsetDateTime of(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
