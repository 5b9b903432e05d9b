package io.lethe.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A versioned in-memory S3 endpoint for the parts of the API a purge uses: HEAD object,
 * ListObjectVersions, ListMultipartUploads (always none), DeleteObjects and DeleteObject
 * with version ids. S3Mock spends milliseconds of its own per object on this machine
 * (100-300 objects/s), which would hide every difference between a purge and its floor
 * and keep 100,000 items from fitting in the bench's time; this one costs next to nothing
 * per object, so what is measured is the client's work. Seeding writes into it directly
 * ({@link #put}).
 */
final class MemS3 implements AutoCloseable {

	static {
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the
		// client's delayed ACK: about 40 ms a request instead of well under one.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

	private final String bucket;

	/** Key to its versions, newest first. */
	private final ConcurrentSkipListMap<String, List<String>> objects = new ConcurrentSkipListMap<>();

	private final AtomicLong versions = new AtomicLong();

	private final AtomicLong listed = new AtomicLong();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	MemS3(String bucket) throws IOException {
		this.bucket = bucket;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** A new version of the key, written straight into memory. */
	void put(String key) {
		String version = Long.toString(this.versions.incrementAndGet(), 36);
		this.objects.compute(key, (k, list) -> {
			List<String> next = (list == null) ? new ArrayList<>(1) : new ArrayList<>(list);
			next.add(0, version);
			return next;
		});
	}

	/** Versions every ListObjectVersions so far has returned, over all its pages. */
	long versionsListed() {
		return this.listed.get();
	}

	/** Versions left under the prefix. */
	long count(String prefix) {
		return this.objects.subMap(prefix, prefix + Character.MAX_VALUE).values().stream().mapToLong(List::size).sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			String prefix = "/" + this.bucket;
			String key = (path.length() > prefix.length() + 1) ? path.substring(prefix.length() + 1) : null;
			String method = exchange.getRequestMethod();
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (key == null && "GET".equals(method) && query.containsKey("versions")) {
				reply(exchange, 200, listVersions(query));
			}
			else if (key == null && "GET".equals(method) && query.containsKey("uploads")) {
				reply(exchange, 200, "<ListMultipartUploadsResult xmlns=\"" + NS + "\"><Bucket>" + this.bucket
						+ "</Bucket><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>");
			}
			else if (key == null && "POST".equals(method) && query.containsKey("delete")) {
				reply(exchange, 200, deleteObjects(body));
			}
			else if (key != null && "DELETE".equals(method)) {
				remove(key, query.get("versionId"));
				exchange.sendResponseHeaders(204, -1);
			}
			else if (key != null && "HEAD".equals(method)) {
				List<String> list = this.objects.get(key);
				exchange.sendResponseHeaders((list == null) ? 404 : 200, -1);
			}
			else if (key == null && "HEAD".equals(method)) {
				exchange.sendResponseHeaders(200, -1);
			}
			else {
				reply(exchange, 501,
						"<Error><Code>NotImplemented</Code><Message>" + method + " " + path + "</Message></Error>");
			}
		}
		catch (RuntimeException ex) {
			reply(exchange, 500, "<Error><Code>InternalError</Code><Message>" + ex + "</Message></Error>");
		}
	}

	private String listVersions(Map<String, String> query) {
		String prefix = query.getOrDefault("prefix", "");
		String keyMarker = query.getOrDefault("key-marker", "");
		String versionMarker = query.getOrDefault("version-id-marker", "");
		int max = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
		StringBuilder xml = new StringBuilder("<ListVersionsResult xmlns=\"" + NS + "\"><Name>").append(this.bucket)
			.append("</Name><Prefix>")
			.append(prefix)
			.append("</Prefix><MaxKeys>")
			.append(max)
			.append("</MaxKeys>");
		String from = (keyMarker.compareTo(prefix) > 0) ? keyMarker : prefix;
		NavigableMap<String, List<String>> range = this.objects.subMap(from, true, prefix + Character.MAX_VALUE, false);
		int listed = 0;
		String lastKey = null;
		String lastVersion = null;
		boolean truncated = false;
		for (Map.Entry<String, List<String>> entry : range.entrySet()) {
			List<String> list = entry.getValue();
			int startAt = 0;
			if (entry.getKey().equals(keyMarker)) {
				startAt = versionMarker.isEmpty() ? list.size() : list.indexOf(versionMarker) + 1;
			}
			for (int i = startAt; i < list.size(); i++) {
				if (listed == max) {
					truncated = true;
					break;
				}
				xml.append("<Version><Key>")
					.append(entry.getKey())
					.append("</Key><VersionId>")
					.append(list.get(i))
					.append("</VersionId><IsLatest>")
					.append(i == 0)
					.append("</IsLatest><LastModified>2026-01-01T00:00:00.000Z</LastModified>")
					.append("<ETag>\"5289df737df57326fcdd22597afb1fac\"</ETag><Size>3</Size>")
					.append("<StorageClass>STANDARD</StorageClass></Version>");
				listed++;
				lastKey = entry.getKey();
				lastVersion = list.get(i);
			}
			if (truncated) {
				break;
			}
		}
		this.listed.addAndGet(listed);
		xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
		if (truncated) {
			xml.append("<NextKeyMarker>")
				.append(lastKey)
				.append("</NextKeyMarker><NextVersionIdMarker>")
				.append(lastVersion)
				.append("</NextVersionIdMarker>");
		}
		return xml.append("</ListVersionsResult>").toString();
	}

	private String deleteObjects(byte[] body) {
		StringBuilder xml = new StringBuilder("<DeleteResult xmlns=\"" + NS + "\">");
		boolean quiet = false;
		try {
			XMLStreamReader reader = XMLInputFactory.newFactory()
				.createXMLStreamReader(new java.io.ByteArrayInputStream(body));
			String key = null;
			String version = null;
			String element = null;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					element = reader.getLocalName();
				}
				else if (event == XMLStreamConstants.CHARACTERS && element != null) {
					switch (element) {
						case "Key" -> key = (key == null ? "" : key) + reader.getText();
						case "VersionId" -> version = (version == null ? "" : version) + reader.getText();
						case "Quiet" -> quiet = Boolean.parseBoolean(reader.getText().trim());
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					element = null;
					if ("Object".equals(reader.getLocalName())) {
						remove(key, version);
						if (!quiet) {
							xml.append("<Deleted><Key>").append(key).append("</Key></Deleted>");
						}
						key = null;
						version = null;
					}
				}
			}
		}
		catch (javax.xml.stream.XMLStreamException ex) {
			throw new IllegalArgumentException(ex);
		}
		return xml.append("</DeleteResult>").toString();
	}

	/**
	 * Removes one version (already gone is fine, as on S3); without a version id, all.
	 */
	private void remove(String key, String version) {
		this.objects.computeIfPresent(key, (k, list) -> {
			if (version == null) {
				return null;
			}
			List<String> next = new ArrayList<>(list);
			next.remove(version);
			return next.isEmpty() ? null : next;
		});
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				query.put(name, value);
			}
		}
		return query;
	}

	private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/xml");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
