package io.lethe.command.auth;

import java.util.UUID;

/**
 * Who is calling: the org the key belongs to, the key, and its role. Resolved from the
 * API key of each request. {@code consumerId} is the downstream consumer a consumer key
 * is bound to, null for every other key.
 */
public record Caller(UUID orgId, UUID keyId, Role role, UUID consumerId) {

	public Caller(UUID orgId, UUID keyId, Role role) {
		this(orgId, keyId, role, null);
	}

	/**
	 * The identity recorded in {@code created_by}, {@code updated_by},
	 * {@code deleted_by}.
	 */
	public String principal() {
		return this.keyId.toString();
	}

	public boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	public boolean isConsumer() {
		return this.role == Role.CONSUMER;
	}

}
