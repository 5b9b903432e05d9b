package io.lethe.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command path's framework floor: the command service's stack (Spring Boot, Tomcat,
 * Jackson, the HikariCP pool, actuator) answering {@code POST /api/v1/datasets} and
 * {@code DELETE /api/v1/datasets/{id}} with nothing but the minimal transaction, on the
 * bench's copies of the tables (schema {@code pgbench}). No key check, no quota, no rate
 * limit, no problem bodies: what Lethe's own work costs shows as its distance to this.
 * The bench starts it as a process of its own ({@code FLOOR_PORT},
 * {@code FLOOR_JDBC_URL}, {@code FLOOR_DB_USER}, {@code FLOOR_DB_PASSWORD},
 * {@code FLOOR_ORG_ID}); it shares no code with the services.
 */
@SpringBootApplication
public class CommandFloor {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CommandFloor.class);
		application.setAdditionalProfiles("floor");
		application.run(args);
	}

}
