package io.lethe.stores.object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

/**
 * The {@code Error} entries of a quiet {@code DeleteObjects} answer, read with StAX (why:
 * {@link S3PurgeCalls}).
 */
final class DeleteErrors {

	private static final List<String> FIELDS = List.of("Key", "VersionId", "Code", "Message");

	private DeleteErrors() {
	}

	static List<Failed> parse(InputStream body) {
		List<Failed> failed = new ArrayList<>();
		try {
			S3Xml.read(body,
					S3Xml.texts("Error", FIELDS,
							(error) -> failed.add(new Failed(error[0], error[1], error[2], error[3]))),
					Set.of(), (field, text) -> {
					});
		}
		catch (XMLStreamException ex) {
			// the deletes may have been done or not: the batch is sent again, which is
			// safe
			throw new ObjectStoreException("S3 delete versions: unreadable answer: " + ex.getMessage(), true, ex);
		}
		return failed;
	}

	/** A version the store did not delete, and why. */
	record Failed(String key, String versionId, String code, String message) {
	}

}
