package io.lethe.stores.object;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The walk that Lethe's readers of S3's XML answers share ({@link VersionPage},
 * {@link UploadPage}, {@link DeleteErrors}): the entries under the root element, each
 * with the fields its reader keeps, and the root's own fields; everything else is skipped
 * unread. Written here rather than with a binding library because the point is to read a
 * page of a thousand entries without building a tree of it (why: {@link S3PurgeCalls}).
 */
final class S3Xml {

	static final XMLInputFactory FACTORY = newFactory();

	private S3Xml() {
	}

	/** What a reader keeps of the entries under the root. */
	interface Entries<E> {

		/** The entry an element under the root opens, or null when it is none. */
		E open(String element);

		/** Whether a field of an entry is read (its text); the others are skipped. */
		boolean keeps(String field);

		void field(E entry, String field, String text);

		void close(E entry);

	}

	/**
	 * The entries named {@code element}, each read as the texts of {@code fields} in that
	 * order (null where a field is absent) and given to {@code close}.
	 */
	static Entries<String[]> texts(String element, List<String> fields, Consumer<String[]> close) {
		return new Entries<>() {

			@Override
			public String[] open(String name) {
				return element.equals(name) ? new String[fields.size()] : null;
			}

			@Override
			public boolean keeps(String field) {
				return fields.contains(field);
			}

			@Override
			public void field(String[] entry, String field, String text) {
				entry[fields.indexOf(field)] = text;
			}

			@Override
			public void close(String[] entry) {
				close.accept(entry);
			}

		};
	}

	/**
	 * Reads the answer: each entry, each field of it that is kept, and each field of the
	 * root named in {@code own} (given to {@code onOwn}).
	 */
	static <E> void read(InputStream body, Entries<E> entries, Set<String> own, BiConsumer<String, String> onOwn)
			throws XMLStreamException {
		XMLStreamReader xml = FACTORY.createXMLStreamReader(body);
		try {
			int depth = 0;
			E entry = null;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					String name = xml.getLocalName();
					if (depth == 2 && (entry = entries.open(name)) != null) {
						continue;
					}
					if (depth == 3 && entry != null && entries.keeps(name)) {
						entries.field(entry, name, xml.getElementText());
					}
					else if (depth == 2 && own.contains(name)) {
						onOwn.accept(name, xml.getElementText());
					}
					else if (depth > 1) {
						skip(xml);
					}
					else {
						continue;
					}
					depth--;
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (depth == 2 && entry != null) {
						entries.close(entry);
						entry = null;
					}
					depth--;
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** Where a listing's next page starts, when one follows. */
	record Next(boolean truncated, String keyMarker, String secondMarker) {
	}

	/**
	 * Reads one page of a listing (named {@code what} in errors) and where the next page
	 * starts: {@code NextKeyMarker} and the listing's own second marker.
	 */
	static <E> Next page(InputStream body, String what, String secondMarker, Entries<E> entries) {
		String[] next = new String[3];
		try {
			read(body, entries, Set.of("IsTruncated", "NextKeyMarker", secondMarker), (field, text) -> {
				switch (field) {
					case "IsTruncated" -> next[0] = text.trim();
					case "NextKeyMarker" -> next[1] = text;
					default -> next[2] = text;
				}
			});
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new ObjectStoreException("S3 " + what + ": unreadable answer: " + ex.getMessage(), true, ex);
		}
		boolean truncated = Boolean.parseBoolean(next[0]);
		if (truncated && (next[1] == null || next[1].isEmpty())) {
			// a page that does not say where the next starts would be listed forever
			throw new ObjectStoreException("S3 " + what + ": a truncated page without NextKeyMarker", false);
		}
		return new Next(truncated, next[1], next[2]);
	}

	/** Skips an element whose text or children a purge does not need. */
	static void skip(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/**
	 * S3's {@code 2026-12-07T03:00:00.000Z} read by position: a page holds a thousand,
	 * and {@link Instant#parse} was a tenth of the listing's time in a profile. Any other
	 * shape goes to {@link Instant#parse}.
	 */
	static Instant instant(String text) {
		if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
				&& text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
				&& text.charAt(23) == 'Z') {
			try {
				return LocalDateTime
					.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
							digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 23) * 1_000_000)
					.toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException | NumberFormatException ex) {
				// not a date after all: Instant.parse says why
			}
		}
		return Instant.parse(text);
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new NumberFormatException(text);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static XMLInputFactory newFactory() {
		// Woodstox by name, not whichever StAX implementation the classpath offers: it
		// reads a page of 1,000 versions in about 0.9 ms where the JDK's reader takes 1.5
		// ms (measured here), and a large purge reads hundreds of pages
		XMLInputFactory factory = new WstxInputFactory();
		// the answer comes from the network: no DTDs, no external entities
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

}
