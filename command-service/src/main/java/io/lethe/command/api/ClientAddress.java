package io.lethe.command.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a per-address limit counts: the request's remote address, as the servlet
 * container sees it (behind a trusted proxy, set {@code server.forward-headers-strategy}
 * so that it is the client's, not the proxy's). An IPv6 client is its /64, since one host
 * commonly holds a whole /64 and could otherwise take a fresh address per request.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		if (remote == null || remote.indexOf(':') < 0) {
			return String.valueOf(remote);
		}
		try {
			// a literal, so no name is looked up
			InetAddress address = InetAddress.getByName(remote);
			if (address instanceof Inet6Address) {
				byte[] bytes = address.getAddress();
				return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
			}
			return address.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return remote;
		}
	}

}
