package io.lethe.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlBoundariesTests {

	@TempDir
	Path sources;

	@Test
	void aStatementNamingTheSchemasTableFailsWithItsFileAndLine() throws IOException {
		plant("a/Rows.java", """
				class Rows {
					// select * from catalog.items is only a comment
					String sql = "select 1";
					String other = \"""
							delete from catalog.items where id = ?
							\""";
				}
				""");
		assertThatThrownBy(() -> SqlBoundaries.assertNoSqlNames(this.sources, "catalog"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Rows.java:5: catalog.items")
			.message()
			.doesNotContain(":2:");
	}

	@Test
	void sqlNamingAnotherSchemasTableIsFoundInStringsAndTextBlocks() throws IOException {
		plant("a/Reads.java", """
				class Reads {
					String one = "select id from purge.jobs where id = ?";
					String two = \"""
							select 1
							  from catalog.x c, purge.job_targets t where t.id = c.id
							\""";
					String three = "select to_regclass('purge.receipts')";
					String four = "insert into PURGE.receipts values (1)";
				}
				""");

		assertThat(SqlBoundaries.sqlNaming(this.sources, "purge")).containsExactly("a/Reads.java:2: purge.jobs",
				"a/Reads.java:5: purge.job_targets", "a/Reads.java:7: purge.receipts",
				"a/Reads.java:8: PURGE.receipts");
	}

	@Test
	void packagesCommentsDottedNamesAndSqlValuesDoNotCount() throws IOException {
		plant("Clean.java", """
				import io.lethe.catalog.contract.AuditStatements;
				/** Writes {@code catalog.audit} through the contract; the purge.jobs table is the worker's. */
				class Clean {
					String sql = "select * from purge.jobs where note = 'catalog' and x = \\"catalog.\\"";
					String action = "purge.retry";
					String property = "lethe.purge.schedule.interval";
					String filtered = "select * from audit where action = 'purge.retry'";
					char quote = '"';
					Object ok = this.catalog.audit;
				}
				""");
		assertThatCode(() -> SqlBoundaries.assertNoSqlNames(this.sources, "catalog")).doesNotThrowAnyException();
		assertThat(SqlBoundaries.sqlNaming(this.sources, "purge")).containsExactly("Clean.java:4: purge.jobs");
	}

	@Test
	void aMissingSourceRootFailsRatherThanPassingEmpty() {
		assertThatThrownBy(() -> SqlBoundaries.assertNoSqlNames(this.sources.resolve("nowhere"), "catalog"))
			.isInstanceOf(AssertionError.class);
	}

	private void plant(String path, String source) throws IOException {
		Path file = this.sources.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
	}

}
