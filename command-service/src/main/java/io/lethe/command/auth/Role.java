package io.lethe.command.auth;

/**
 * What an API key may do: members work on their org's data; operators also run the admin
 * API.
 */
public enum Role {

	MEMBER, OPERATOR;

	public String value() {
		return name().toLowerCase();
	}

	static Role of(String value) {
		return valueOf(value.toUpperCase());
	}

}
