package io.lethe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for servers the stack starts. */
public final class Ports {

	private Ports() {
	}

	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	/**
	 * A free loopback port whose next port is free too, for a Kafka broker, whose
	 * controller listens on the port after the broker's ({@link KafkaKraftBroker}): a
	 * port from {@link #free()} alone may have its neighbour taken, by a client's
	 * ephemeral port as often as by a server.
	 */
	public static int freeWithNext() {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port = free();
			try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new IllegalStateException("No two consecutive free loopback ports");
	}

}
