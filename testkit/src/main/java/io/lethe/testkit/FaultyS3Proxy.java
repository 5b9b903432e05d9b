package io.lethe.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP proxy on loopback in front of a real S3 server: a chosen
 * fraction of requests is answered {@code 503 SlowDown} or {@code 500 InternalError} as
 * S3 answers them, or is left hanging (a timeout), and the rest go to the server
 * unchanged. Set {@link #permanent()} and every request is refused with
 * {@code 403 AccessDenied}. A client pointed at {@link #endpoint()} sees the store a
 * flaky network and a throttling S3 would give it.
 */
public final class FaultyS3Proxy implements AutoCloseable {

	private final URI upstream;

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "faulty-s3-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Faults faults = Faults.NONE;

	private final AtomicLong forwarded = new AtomicLong();

	private final Map<String, AtomicLong> injected = new LinkedHashMap<>();

	private FaultyS3Proxy(URI upstream) throws IOException {
		this.upstream = upstream;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		for (String kind : new String[] { "503", "500", "hang", "403" }) {
			this.injected.put(kind, new AtomicLong());
		}
		Thread acceptor = new Thread(this::accept, "faulty-s3-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static FaultyS3Proxy in(URI upstream) {
		try {
			return new FaultyS3Proxy(upstream);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the S3 proxy", ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/**
	 * From now on: this fraction of requests gets a 503 SlowDown, this one a 500, this
	 * one hangs for {@code hang} and is then cut off; the rest is forwarded.
	 */
	public void transientFaults(double slowDown, double internalError, double hanging, Duration hang) {
		this.faults = new Faults(slowDown, internalError, hanging, hang, false);
	}

	/**
	 * From now on every request is refused with 403 AccessDenied, which no retry fixes.
	 */
	public void permanent() {
		this.faults = new Faults(0, 0, 0, Duration.ZERO, true);
	}

	public void healthy() {
		this.faults = Faults.NONE;
	}

	public long forwarded() {
		return this.forwarded.get();
	}

	/** Faults injected so far, by kind: 503, 500, hang, 403. */
	public Map<String, Long> injected() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.injected.forEach((kind, count) -> counts.put(kind, count.get()));
		return counts;
	}

	public long faultsInjected() {
		return this.injected.values().stream().mapToLong(AtomicLong::get).sum();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.connections.submit(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/** One request per connection: the answer says {@code Connection: close}. */
	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			Request request = Request.read(in);
			if (request == null) {
				return;
			}
			Faults now = this.faults;
			double roll = ThreadLocalRandom.current().nextDouble();
			OutputStream out = client.getOutputStream();
			if (now.permanent()) {
				this.injected.get("403").incrementAndGet();
				error(out, 403, "Forbidden", "AccessDenied", "Access Denied (injected)");
			}
			else if (roll < now.slowDown()) {
				this.injected.get("503").incrementAndGet();
				error(out, 503, "Slow Down", "SlowDown", "Please reduce your request rate. (injected)");
			}
			else if (roll < now.slowDown() + now.internalError()) {
				this.injected.get("500").incrementAndGet();
				error(out, 500, "Internal Server Error", "InternalError",
						"We encountered an internal error. Please try again. (injected)");
			}
			else if (roll < now.slowDown() + now.internalError() + now.hanging()) {
				this.injected.get("hang").incrementAndGet();
				Thread.sleep(now.hang().toMillis());
			}
			else {
				forward(request, out);
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void forward(Request request, OutputStream client) throws IOException {
		try (Socket upstream = new Socket(this.upstream.getHost(), this.upstream.getPort())) {
			OutputStream out = upstream.getOutputStream();
			out.write(request.head("Connection", "close").getBytes(StandardCharsets.ISO_8859_1));
			out.write(request.body());
			out.flush();
			InputStream in = upstream.getInputStream();
			String head = readHead(in);
			if (head == null) {
				return;
			}
			client.write(withHeader(head, "Connection", "close").getBytes(StandardCharsets.ISO_8859_1));
			in.transferTo(client);
			client.flush();
			this.forwarded.incrementAndGet();
		}
	}

	private static void error(OutputStream out, int status, String reason, String code, String message)
			throws IOException {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
				+ "</Message></Error>")
			.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
				+ body.length + "\r\nConnection: close\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	/** The header block up to and including the blank line, or null at end of stream. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static String withHeader(String head, String name, String value) {
		StringBuilder rewritten = new StringBuilder();
		String[] lines = head.split("\r\n");
		rewritten.append(lines[0]).append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			if (!lines[i].isEmpty()
					&& !lines[i].toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
				rewritten.append(lines[i]).append("\r\n");
			}
		}
		return rewritten.append(name).append(": ").append(value).append("\r\n\r\n").toString();
	}

	private record Faults(double slowDown, double internalError, double hanging, Duration hang, boolean permanent) {

		static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, false);

	}

	/** A request read whole: its header block and its body (de-chunked). */
	private record Request(String head, byte[] body) {

		static Request read(InputStream in) throws IOException {
			String head = readHead(in);
			if (head == null) {
				return null;
			}
			String lower = head.toLowerCase(Locale.ROOT);
			byte[] body;
			if (lower.contains("\r\ntransfer-encoding: chunked")) {
				body = dechunk(in);
				head = withHeader(head.replaceAll("(?i)\r\ntransfer-encoding: chunked", ""), "Content-Length",
						String.valueOf(body.length));
			}
			else {
				int length = contentLength(lower);
				body = in.readNBytes(length);
			}
			return new Request(head, body);
		}

		String head(String name, String value) {
			return withHeader(this.head, name, value);
		}

		private static int contentLength(String lowerHead) {
			int at = lowerHead.indexOf("\r\ncontent-length:");
			if (at < 0) {
				return 0;
			}
			int end = lowerHead.indexOf("\r\n", at + 2);
			return Integer.parseInt(lowerHead.substring(at + "\r\ncontent-length:".length(), end).strip());
		}

		private static byte[] dechunk(InputStream in) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = line(in);
				int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
				if (size == 0) {
					while (!line(in).isEmpty()) {
						// trailers
					}
					return body.toByteArray();
				}
				body.write(in.readNBytes(size));
				line(in);
			}
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) >= 0 && b != '\n') {
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.ISO_8859_1);
		}

	}

}
