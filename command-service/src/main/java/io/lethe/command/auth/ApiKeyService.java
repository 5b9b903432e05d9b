package io.lethe.command.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Mints and checks API keys. A key reads {@code lethe_<key id>_<secret>}: the id finds
 * the stored hash, the secret (256 random bits) is compared with it in constant time.
 * Only the SHA-256 of the secret is stored ({@link SecretDigests}).
 */
@Service
public class ApiKeyService {

	private static final Pattern FORMAT = Pattern.compile("lethe_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

	private static final byte[] NO_SUCH_KEY = new byte[32];

	private final ApiKeys keys;

	private final SecureRandom random = new SecureRandom();

	ApiKeyService(ApiKeys keys) {
		this.keys = keys;
	}

	public IssuedKey issue(UUID orgId, String name, Role role) {
		if (role == Role.CONSUMER) {
			throw new IllegalArgumentException("A consumer key is issued for its consumer: issueForConsumer");
		}
		return issue(orgId, name, role, null);
	}

	/** A key that only acknowledges deletions, as the given downstream consumer. */
	public IssuedKey issueForConsumer(UUID orgId, String name, UUID consumerId) {
		return issue(orgId, name, Role.CONSUMER, consumerId);
	}

	private IssuedKey issue(UUID orgId, String name, Role role, UUID consumerId) {
		UUID id = UUID.randomUUID();
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String encodedSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.keys.insert(id, orgId, name, role, consumerId, SecretDigests.sha256(encodedSecret));
		String key = "lethe_" + id.toString().replace("-", "") + "_" + encodedSecret;
		return new IssuedKey(id, orgId, role, key);
	}

	/**
	 * The caller a presented key stands for, if it is well-formed, known and not revoked.
	 */
	public Optional<Caller> authenticate(String presented) {
		if (presented == null) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(presented.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		UUID id = uuidOf(matcher.group(1));
		byte[] presentedHash = SecretDigests.sha256(matcher.group(2));
		Optional<ApiKeys.StoredKey> stored = this.keys.findById(id);
		byte[] expected = stored.map(ApiKeys.StoredKey::secretHash).orElse(NO_SUCH_KEY);
		boolean matches = MessageDigest.isEqual(presentedHash, expected);
		return stored.filter((key) -> matches && key.revokedAt() == null)
			.map((key) -> new Caller(key.orgId(), key.id(), key.role(), key.consumerId()));
	}

	public void revoke(UUID keyId) {
		this.keys.revoke(keyId);
	}

	private static UUID uuidOf(String hex) {
		byte[] bytes = HexFormat.of().parseHex(hex);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xff);
			low = (low << 8) | (bytes[i + 8] & 0xff);
		}
		return new UUID(high, low);
	}

}
