package io.lethe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback that emulates a network round trip: the first bytes of each
 * request on a connection (the first client bytes after the server last spoke) wait
 * {@code delayMillis} before they are forwarded. A request's later chunks and every
 * response pass at once, so each HTTP request pays one delay, as over a real network.
 */
final class DelayProxy implements AutoCloseable {

	private final ServerSocket server;

	private final URI target;

	private final long delayMillis;

	private final ExecutorService threads = Executors.newCachedThreadPool((r) -> {
		Thread thread = new Thread(r, "delay-proxy");
		thread.setDaemon(true);
		return thread;
	});

	DelayProxy(URI target, long delayMillis) throws IOException {
		this.target = target;
		this.delayMillis = delayMillis;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.threads.execute(this::accept);
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getHost(), this.target.getPort());
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				AtomicBoolean newRequest = new AtomicBoolean(true);
				this.threads.execute(() -> pump(client, upstream, newRequest, true));
				this.threads.execute(() -> pump(upstream, client, newRequest, false));
			}
			catch (IOException ex) {
				// closed, or one connection failed: the client sees a reset and retries
			}
		}
	}

	private void pump(Socket from, Socket to, AtomicBoolean newRequest, boolean request) {
		byte[] buffer = new byte[64 * 1024];
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (request && newRequest.getAndSet(false)) {
					Thread.sleep(this.delayMillis);
				}
				else if (!request) {
					newRequest.set(true);
				}
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the other side closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.threads.shutdownNow();
	}

}
