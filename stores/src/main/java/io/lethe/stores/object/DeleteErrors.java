package io.lethe.stores.object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code Error} entries of a quiet {@code DeleteObjects} answer, read with StAX (why:
 * {@link S3PurgeCalls}).
 */
final class DeleteErrors {

	private static final XMLInputFactory XML = VersionPage.newFactory();

	private DeleteErrors() {
	}

	static List<Failed> parse(InputStream body) {
		List<Failed> failed = new ArrayList<>();
		try {
			XMLStreamReader xml = XML.createXMLStreamReader(body);
			try {
				String key = null;
				String versionId = null;
				String code = null;
				String message = null;
				boolean inError = false;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						String name = xml.getLocalName();
						if ("Error".equals(name)) {
							inError = true;
							key = null;
							versionId = null;
							code = null;
							message = null;
						}
						else if (inError) {
							switch (name) {
								case "Key" -> key = xml.getElementText();
								case "VersionId" -> versionId = xml.getElementText();
								case "Code" -> code = xml.getElementText();
								case "Message" -> message = xml.getElementText();
								default -> {
									// nothing else a purge reads
								}
							}
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT && "Error".equals(xml.getLocalName())) {
						failed.add(new Failed(key, versionId, code, message));
						inError = false;
					}
				}
			}
			finally {
				xml.close();
			}
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
