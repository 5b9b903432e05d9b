package io.lethe.command.auth;

import java.util.UUID;

/**
 * A freshly minted API key. {@code key} is the only copy of the secret: it is shown once
 * and stored hashed.
 */
public record IssuedKey(UUID keyId, UUID orgId, Role role, String key) {

	@Override
	public String toString() {
		return "IssuedKey[keyId=" + this.keyId + ", orgId=" + this.orgId + ", role=" + this.role + "]";
	}

}
