package io.lethe.command.auth;

/**
 * What an API key may do: members work on their org's data; operators also run the admin
 * API; a consumer key, bound to one registered downstream consumer, only acknowledges
 * deletions.
 */
public enum Role {

	MEMBER, OPERATOR, CONSUMER;

	public String value() {
		return name().toLowerCase();
	}

	static Role of(String value) {
		return valueOf(value.toUpperCase());
	}

}
