package io.lethe.consumer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The REST acknowledgement's request, against a JDK HTTP server standing in for Lethe's
 * ack route, and what each kind of answer means: accepted, refused for good (logged, not
 * retried), or worth another try.
 */
class RestAcknowledgerTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private HttpServer server;

	private RestAcknowledger acknowledger;

	@BeforeEach
	void startLethe() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
					+ exchange.getRequestHeaders().getFirst("Authorization") + "\n"
					+ exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status.get(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		URI lethe = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		this.acknowledger = new RestAcknowledger(new ConsumerProperties.Ack(ConsumerProperties.AckMode.REST, lethe,
				"ck_secret", Duration.ofSeconds(5), "lethe.deletion-acks"));
	}

	@AfterEach
	void stopLethe() {
		this.server.stop(0);
	}

	@Test
	void postsTheAnswerToTheRootsAckRouteWithTheConsumerKey() {
		Deletion deletion = deletion();

		this.acknowledger.acknowledge(deletion, new Erasure("deleted", 12L, "rows \"cache\"\n"));

		assertThat(this.requests).singleElement()
			.isEqualTo("POST /api/v1/deletions/dataset/" + deletion.root().id() + "/acks\nBearer ck_secret\n"
					+ "application/json\n{\"outcome\":\"deleted\",\"deletion_event_id\":\"" + deletion.deletionEventId()
					+ "\",\"items_deleted\":12,\"detail\":\"rows \\\"cache\\\"\\n\"}");
	}

	@Test
	void aRefusalIsFinalAndAServerErrorIsWorthAnotherTry() {
		this.status.set(409);
		assertThatNoException().isThrownBy(() -> this.acknowledger.acknowledge(deletion(), Erasure.nothingHeld()));

		this.status.set(503);
		assertThatExceptionOfType(Acknowledger.AckFailedException.class)
			.isThrownBy(() -> this.acknowledger.acknowledge(deletion(), Erasure.nothingHeld()))
			.withMessageContaining("503");
	}

	@Test
	void noAnswerIsWorthAnotherTry() {
		this.server.stop(0);

		assertThatExceptionOfType(Acknowledger.AckFailedException.class)
			.isThrownBy(() -> this.acknowledger.acknowledge(deletion(), Erasure.deleted(1)));
	}

	private static Deletion deletion() {
		return new Deletion(new Root("dataset", UUID.randomUUID(), UUID.randomUUID()), UUID.randomUUID(),
				UUID.randomUUID(), Instant.now());
	}

}
