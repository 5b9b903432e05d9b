package io.lethe.command.asset;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of what is stored, computed while it streams through. */
final class Checksums {

	private Checksums() {
	}

	static DigestInputStream digesting(InputStream in) {
		return new DigestInputStream(in, sha256());
	}

	static String hex(DigestInputStream in) {
		return HexFormat.of().formatHex(in.getMessageDigest().digest());
	}

	static String sha256(String hex) {
		return "sha256:" + hex;
	}

	/**
	 * The checksum of a multipart upload: SHA-256 over the parts' SHA-256 digests in part
	 * order, with the part count, as S3 does for composite checksums. It changes if any
	 * byte of any part changes.
	 */
	static String composite(List<String> partHexDigests) {
		MessageDigest digest = sha256();
		partHexDigests.forEach((hex) -> digest.update(HexFormat.of().parseHex(hex)));
		return "sha256-composite:" + HexFormat.of().formatHex(digest.digest()) + "-" + partHexDigests.size();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
