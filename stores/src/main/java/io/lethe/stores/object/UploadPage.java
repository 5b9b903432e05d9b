package io.lethe.stores.object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One page of a {@code ListMultipartUploads} answer, read with StAX as it streams in. A
 * purge lists the uploads under every prefix it empties and again to verify, mostly to
 * find none: in a JFR profile of small purges the SDK's client spent more of the worker's
 * CPU on those empty listings than {@link VersionPage} on listing the versions.
 *
 * @param uploads the page's unfinished uploads, in key order
 * @param truncated whether another page follows
 * @param nextKeyMarker where the next page starts
 * @param nextUploadIdMarker where the next page starts, within its key
 */
record UploadPage(List<MultipartUpload> uploads, boolean truncated, String nextKeyMarker, String nextUploadIdMarker) {

	static UploadPage parse(InputStream body) {
		List<MultipartUpload> uploads = new ArrayList<>();
		boolean truncated = false;
		String nextKey = null;
		String nextUploadId = null;
		try {
			XMLStreamReader xml = VersionPage.XML.createXMLStreamReader(body);
			try {
				int depth = 0;
				String[] upload = null;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						depth++;
						String name = xml.getLocalName();
						if (depth == 2 && "Upload".equals(name)) {
							upload = new String[3];
						}
						else if (depth == 3 && upload != null) {
							switch (name) {
								case "Key" -> upload[0] = xml.getElementText();
								case "UploadId" -> upload[1] = xml.getElementText();
								case "Initiated" -> upload[2] = xml.getElementText().trim();
								default -> VersionPage.skip(xml);
							}
							depth--;
						}
						else if (depth == 2) {
							switch (name) {
								case "IsTruncated" -> truncated = Boolean.parseBoolean(xml.getElementText().trim());
								case "NextKeyMarker" -> nextKey = xml.getElementText();
								case "NextUploadIdMarker" -> nextUploadId = xml.getElementText();
								default -> VersionPage.skip(xml);
							}
							depth--;
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						if (depth == 2 && upload != null) {
							if (upload[0] == null || upload[1] == null) {
								throw new IllegalStateException("an Upload without Key or UploadId");
							}
							uploads.add(new MultipartUpload(upload[0], upload[1],
									(upload[2] != null) ? VersionPage.instant(upload[2]) : null));
							upload = null;
						}
						depth--;
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new ObjectStoreException("S3 list uploads: unreadable answer: " + ex.getMessage(), true, ex);
		}
		if (truncated && (nextKey == null || nextKey.isEmpty())) {
			throw new ObjectStoreException("S3 list uploads: a truncated page without NextKeyMarker", false);
		}
		return new UploadPage(uploads, truncated, nextKey, nextUploadId);
	}

}
