package io.lethe.events.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.DeletionAcknowledged;
import io.lethe.events.DeletionCompleted;
import io.lethe.events.PurgeCompleted;
import io.lethe.events.PurgeFailed;
import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.PurgeRequested;
import io.lethe.events.PurgeStarted;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.ReconcileRunUpdated;
import io.lethe.events.SamplesDeletionRequested;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The catalogue of Lethe's events: the generated classes of the current schemas and every
 * released version kept under {@code avro/history/}, listed in its {@code INDEX}.
 */
public final class LetheEvents {

	public static final String EVENTS_PACKAGE = "io.lethe.events";

	/**
	 * Every current event type; a new event is added here and to the history on release.
	 */
	public static final List<Class<? extends SpecificRecord>> TYPES = List.of(DatasetDeletionRequested.class,
			DatasetRestored.class, AssetDeletionRequested.class, SamplesDeletionRequested.class, PurgeRequested.class,
			PurgeCompleted.class, PurgeFailed.class, ReconcileRequested.class, PurgeJobUpdated.class,
			ReconcileRunUpdated.class, PurgeStarted.class, DeletionCompleted.class, DeletionAcknowledged.class);

	private static final String HISTORY_INDEX = "/avro/history/INDEX";

	static {
		trustEventClasses();
	}

	private LetheEvents() {
	}

	/**
	 * Avro refuses to instantiate generated classes that are not trusted; Lethe's own
	 * events are. Idempotent.
	 */
	public static void trustEventClasses() {
		ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
		ClassSecurityValidator.setGlobal(new ClassSecurityValidator.ClassSecurityPredicate() {
			@Override
			public boolean isTrusted(Class<?> c) {
				return EVENTS_PACKAGE.equals(c.getPackageName()) || current.isTrusted(c);
			}
		});
	}

	/** The released schema versions kept in the jar, in the order of the index. */
	public static List<Schema> history() {
		List<Schema> schemas = new ArrayList<>();
		for (String path : historyPaths()) {
			try (InputStream in = LetheEvents.class.getResourceAsStream("/avro/history/" + path)) {
				if (in == null) {
					throw new IllegalStateException(
							"avro/history/INDEX names " + path + " but it is not on the classpath");
				}
				schemas.add(new Schema.Parser().parse(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return schemas;
	}

	static List<String> historyPaths() {
		try (InputStream in = LetheEvents.class.getResourceAsStream(HISTORY_INDEX)) {
			if (in == null) {
				return List.of();
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
