package io.lethe.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The passwords of devstack's secured broker, kept beside its log: the admin's is written
 * into the log when it is formatted, so a restart must use the same one.
 */
final class KafkaUserFile {

	private KafkaUserFile() {
	}

	/** The passwords in {@code file}, or fresh ones written there (owner-only). */
	static KafkaUsers load(Path file) throws IOException {
		if (Files.exists(file)) {
			Properties p = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				p.load(reader);
			}
			return new KafkaUsers(p.getProperty("admin"), p.getProperty("command"), p.getProperty("worker"),
					p.getProperty("consumer"));
		}
		KafkaUsers users = KafkaUsers.generate();
		Properties p = new Properties();
		p.setProperty("admin", users.admin());
		p.setProperty("command", users.command());
		p.setProperty("worker", users.worker());
		p.setProperty("consumer", users.consumer());
		StringWriter content = new StringWriter();
		p.store(content, "Passwords of devstack's secured Kafka broker");
		Files.createDirectories(file.getParent());
		DevStack.writePrivate(file, content.toString());
		return users;
	}

}
