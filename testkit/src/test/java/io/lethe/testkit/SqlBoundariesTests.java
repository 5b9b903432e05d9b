package io.lethe.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlBoundariesTests {

	@TempDir
	Path sources;

	@Test
	void sqlNamingAnotherSchemasTableIsFoundInStringsAndTextBlocks() throws IOException {
		write("a/Reads.java", """
				class Reads {
					String one = "select id from purge.jobs where id = ?";
					String two = \"""
							select 1
							  from catalog.x c join purge.job_targets t on t.id = c.id
							\""";
					String three = "select to_regclass('purge.receipts')";
					String four = "insert into PURGE.receipts values (1)";
				}
				""");

		assertThat(SqlBoundaries.sqlNaming(this.sources, "purge")).containsExactly("a/Reads.java:2: from purge.jobs",
				"a/Reads.java:5: join purge.job_targets", "a/Reads.java:7: to_regclass('purge.receipts",
				"a/Reads.java:8: into PURGE.receipts");
		assertThatThrownBy(() -> SqlBoundaries.assertNoSqlNames(this.sources, "purge"))
			.hasMessageContaining("a/Reads.java:2");
	}

	@Test
	void namesThatAreNotSqlTablesPass() throws IOException {
		write("Audit.java", """
				class Audit {
					String action = "purge.retry";
					String sql = "select * from catalog.audit where action = 'purge.retry'";
					// the purge.jobs table is the worker's
				}
				""");

		assertThat(SqlBoundaries.sqlNaming(this.sources, "purge")).isEmpty();
		SqlBoundaries.assertNoSqlNames(this.sources, "purge");
	}

	private void write(String name, String source) throws IOException {
		Path file = this.sources.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
	}

}
