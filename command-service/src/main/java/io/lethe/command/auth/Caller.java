package io.lethe.command.auth;

import java.util.UUID;

/**
 * Who is calling: the org the key belongs to, the key, and its role. Resolved from the
 * API key of each request.
 */
public record Caller(UUID orgId, UUID keyId, Role role) {

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

}
