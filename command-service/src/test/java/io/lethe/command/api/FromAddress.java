package io.lethe.command.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lethe.testkit.Api.Response;

/**
 * A GET sent from a chosen loopback address (all of 127.0.0.0/8 is the loopback), so that
 * a test can be several clients at once to a per-address limit. HTTP/1.0, so the answer
 * ends with the connection and is never chunked.
 */
final class FromAddress {

	private final String localAddress;

	private final int port;

	FromAddress(String localAddress, int port) {
		this.localAddress = localAddress;
		this.port = port;
	}

	Response get(String path, String key) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(this.localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(30_000);
			String request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\n"
					+ ((key != null) ? "Authorization: Bearer " + key + "\r\n" : "") + "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " from " + this.localAddress + " failed", ex);
		}
	}

	private static Response parse(String raw) {
		int end = raw.indexOf("\r\n\r\n");
		String[] lines = raw.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip(), List.of(lines[i].substring(colon + 1).strip()));
		}
		String contentType = headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("Content-Type"))
			.map((entry) -> entry.getValue().get(0))
			.findFirst()
			.orElse("");
		return new Response(status, contentType, headers, raw.substring(end + 4));
	}

}
