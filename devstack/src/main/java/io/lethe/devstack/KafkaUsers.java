package io.lethe.devstack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The passwords of a secured broker's users: its super-user
 * {@value KafkaKraftBroker#ADMIN} and Lethe's three (see {@link KafkaAccess}). Passwords
 * go into JAAS configurations and the storage tool's {@code [name=…,password=…]}, so they
 * are kept to characters that need no quoting there (hex, as {@code openssl rand -hex 32}
 * makes).
 */
public record KafkaUsers(String admin, String command, String worker, String consumer) {

	public KafkaUsers {
		for (String password : new String[] { admin, command, worker, consumer }) {
			if (password == null || !password.matches("[A-Za-z0-9._~-]{16,}")) {
				throw new IllegalArgumentException(
						"Kafka passwords need at least 16 characters of A-Z a-z 0-9 . _ ~ - (openssl rand -hex 32)");
			}
		}
	}

	/** Fresh random passwords. */
	public static KafkaUsers generate() {
		SecureRandom random = new SecureRandom();
		UnaryOperator<String> password = (ignored) -> {
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		};
		return new KafkaUsers(password.apply(null), password.apply(null), password.apply(null), password.apply(null));
	}

	/** Lethe's users (not the admin) by name. */
	public Map<String, String> applicationUsers() {
		return Map.of(KafkaAccess.COMMAND, this.command, KafkaAccess.WORKER, this.worker, KafkaAccess.CONSUMER,
				this.consumer);
	}

	@Override
	public String toString() {
		return "KafkaUsers[passwords hidden]";
	}

}
