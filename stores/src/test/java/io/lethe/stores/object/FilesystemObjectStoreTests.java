package io.lethe.stores.object;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FilesystemObjectStoreTests extends ObjectStoreContract {

	@TempDir
	Path root;

	private FilesystemObjectStore store;

	@BeforeEach
	void open() {
		this.store = new FilesystemObjectStore(this.root);
	}

	@Override
	ObjectStore store() {
		return this.store;
	}

	@Test
	void keysThatWouldEscapeTheRootAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put("../outside", bytes("x"), 1, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put("/etc/passwd", bytes("x"), 1, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.head("orgs/../../x"));
	}

}
