package io.lethe.command.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything one org has: every catalog row that belongs to it, its
 * vectors, and every object version under its prefix. Two equal fingerprints mean nothing
 * of the org changed in between.
 */
final class CatalogChecksum {

	private static final List<String> ORG_TABLES = List.of("orgs", "api_keys", "datasets", "assets", "asset_uploads",
			"items", "entities", "entity_assets", "share_links", "object_intents");

	private CatalogChecksum() {
	}

	static Map<String, String> of(JdbcClient jdbc, S3Client s3, String bucket, UUID org) {
		Map<String, String> parts = new LinkedHashMap<>();
		for (String table : ORG_TABLES) {
			String column = table.equals("orgs") ? "id" : "org_id";
			// last_used_at moves whenever a key is used; who used it is what matters here
			String row = table.equals("api_keys") ? "(t.id, t.org_id, t.secret_hash, t.role, t.revoked_at)::text"
					: "t::text";
			parts.put(table, digest(jdbc,
					"select " + row + " as r from catalog." + table + " t where t." + column + " = ?", org));
		}
		parts.put("asset_upload_parts", digest(jdbc, "select p::text as r from catalog.asset_upload_parts p "
				+ "join catalog.assets a on a.id = p.asset_id where a.org_id = ?", org));
		List<String> vectorTables = jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'vectors' order by 1")
			.query(String.class)
			.list();
		for (String table : vectorTables) {
			parts.put("vectors." + table,
					digest(jdbc, "select v::text as r from vectors.\"" + table + "\" v where v.org_id = ?", org));
		}
		parts.put("objects", objects(s3, bucket, "orgs/" + org + "/"));
		return parts;
	}

	private static String digest(JdbcClient jdbc, String rows, UUID org) {
		return jdbc
			.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(r), ',' order by md5(r))), '') from (" + rows
					+ ") x")
			.param(org)
			.query(String.class)
			.single();
	}

	private static String objects(S3Client s3, String bucket, String prefix) {
		StringBuilder listing = new StringBuilder();
		String keyMarker = null;
		String versionMarker = null;
		while (true) {
			String key = keyMarker;
			String version = versionMarker;
			ListObjectVersionsResponse page = s3
				.listObjectVersions((r) -> r.bucket(bucket).prefix(prefix).keyMarker(key).versionIdMarker(version));
			Stream
				.concat(page.versions().stream().map((v) -> v.key() + "@" + v.versionId() + "=" + v.eTag()),
						page.deleteMarkers().stream().map((m) -> m.key() + "@" + m.versionId() + "=marker"))
				.sorted()
				.forEach((line) -> listing.append(line).append('\n'));
			if (!Boolean.TRUE.equals(page.isTruncated())) {
				return listing.toString();
			}
			keyMarker = page.nextKeyMarker();
			versionMarker = page.nextVersionIdMarker();
		}
	}

}
