package io.lethe.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
			.hasMessageContaining("Rows.java:4: catalog.items")
			.message()
			.doesNotContain(":2:");
	}

	@Test
	void aStringLiteralCountsAsWellAsATextBlock() throws IOException {
		plant("Audit.java", "class Audit { String sql = \"insert into purge.jobs (id) values (?)\"; }\n");
		assertThatThrownBy(() -> SqlBoundaries.assertNoSqlNames(this.sources, "purge"))
			.hasMessageContaining("Audit.java:1: purge.jobs");
	}

	@Test
	void packagesCommentsAndOtherSchemasDoNotCount() throws IOException {
		plant("Clean.java", """
				import io.lethe.catalog.contract.AuditStatements;
				/** Writes {@code catalog.audit} through the contract. */
				class Clean {
					String sql = "select * from purge.jobs where note = 'catalog' and x = \\"catalog.\\"";
					char quote = '"';
					Object ok = this.catalog.audit;
				}
				""");
		assertThatCode(() -> SqlBoundaries.assertNoSqlNames(this.sources, "catalog")).doesNotThrowAnyException();
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
