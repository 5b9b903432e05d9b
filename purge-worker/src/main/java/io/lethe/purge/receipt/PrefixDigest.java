package io.lethe.purge.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest a receipt carries of the prefixes verification covered: SHA-256 over each
 * prefix's UTF-8 text followed by a newline, in the job's order, so that anyone holding
 * the list can recompute it ({@code printf '%s\n' … | sha256sum}). Keeps the first
 * {@link PurgeFacts.Verification#PREFIXES_NAMED} prefixes to name them in the receipt;
 * memory stays flat beyond that.
 */
public final class PrefixDigest {

	private final MessageDigest sha256;

	private final List<String> named = new ArrayList<>();

	private long count;

	public PrefixDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	public static String of(List<String> prefixes) {
		PrefixDigest digest = new PrefixDigest();
		prefixes.forEach(digest::add);
		return HexFormat.of().formatHex(digest.sha256.digest());
	}

	public void add(String prefix) {
		this.sha256.update((prefix + "\n").getBytes(StandardCharsets.UTF_8));
		if (this.named.size() < PurgeFacts.Verification.PREFIXES_NAMED) {
			this.named.add(prefix);
		}
		this.count++;
	}

	public long count() {
		return this.count;
	}

	/** What verification found, with the prefixes added so far; ends the digest. */
	public PurgeFacts.Verification verification(long rows, long vectors, long versions, long uploads) {
		List<String> prefixes = (this.count <= PurgeFacts.Verification.PREFIXES_NAMED) ? List.copyOf(this.named) : null;
		return new PurgeFacts.Verification(rows, vectors, versions, uploads, this.count,
				HexFormat.of().formatHex(this.sha256.digest()), prefixes);
	}

}
