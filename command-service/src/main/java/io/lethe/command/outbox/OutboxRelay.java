package io.lethe.command.outbox;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.lethe.stores.retry.RetryPolicy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka, oldest first. Each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} inside a transaction that also holds an advisory lock,
 * so with several command-service instances only one relays at a time and events of a
 * root never overtake each other; rows are marked published only after the broker
 * acknowledged them ({@code acks=all}, idempotent producer). A failed send rolls the
 * batch back to be sent again: delivery is at-least-once, and consumers dedupe by
 * {@code event_id}. The relay wakes on {@code LISTEN lethe_outbox} and polls as a
 * fallback.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	/**
	 * A broker or database outage only delays events: retried for as long as it lasts.
	 */
	private static final RetryPolicy RETRY = RetryPolicy.unbounded(Duration.ofMillis(200), Duration.ofSeconds(10));

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Any constant that no other part of Lethe uses as an advisory lock key. */
	private static final long RELAY_LOCK = 0x4c65746865_01L;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final OutboxMetrics metrics;

	private final int batchSize;

	private final Duration pollInterval;

	private final Duration sendTimeout;

	private final AtomicBoolean running = new AtomicBoolean();

	private Thread thread;

	OutboxRelay(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions,
			KafkaTemplate<String, byte[]> kafka, OutboxMetrics metrics,
			@Value("${lethe.outbox.batch-size}") int batchSize,
			@Value("${lethe.outbox.poll-interval}") Duration pollInterval,
			@Value("${lethe.outbox.send-timeout}") Duration sendTimeout) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.kafka = kafka;
		this.metrics = metrics;
		this.batchSize = batchSize;
		this.pollInterval = pollInterval;
		this.sendTimeout = sendTimeout;
	}

	/**
	 * Publishes one batch; returns how many rows it published (0 when idle or another
	 * instance is relaying).
	 */
	int publishBatch() {
		Integer published = this.transactions.execute((status) -> {
			boolean leader = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
				.param("key", RELAY_LOCK)
				.query(Boolean.class)
				.single();
			if (!leader) {
				return 0;
			}
			List<Row> rows = this.jdbc
				.sql("select id, event_id, aggregate_id, event_type, topic, payload, created_at from catalog.outbox "
						+ "where published_at is null order by id limit :limit for update skip locked")
				.param("limit", this.batchSize)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
						rs.getObject("aggregate_id", UUID.class), rs.getString("event_type"), rs.getString("topic"),
						rs.getBytes("payload"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			send(rows);
			Instant acknowledged = Instant.now();
			rows.forEach((row) -> this.metrics.acknowledged(Duration.between(row.createdAt(), acknowledged)));
			this.jdbc.sql("update catalog.outbox set published_at = now() where id = any(:ids)")
				.param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
				.update();
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	private void send(List<Row> rows) {
		List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
		for (Row row : rows) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId().toString(),
					row.payload());
			record.headers().add("lethe-event-type", row.eventType().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			record.headers()
				.add("lethe-event-id", row.eventId().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			acks.add(this.kafka.send(record));
		}
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the outbox", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the outbox batch: " + ex.getMessage(), ex);
		}
	}

	/** Deletes rows published before {@code olderThan} ago; returns how many. */
	int prune(Duration olderThan) {
		return this.jdbc.sql("delete from catalog.outbox where published_at < now() - cast(:age as interval)")
			.param("age", olderThan.toSeconds() + " seconds")
			.update();
	}

	private void run() {
		int failures = 0;
		while (this.running.get()) {
			try (Connection listener = this.dataSource.getConnection()) {
				try (Statement statement = listener.createStatement()) {
					statement.execute("listen lethe_outbox");
				}
				PGConnection notifications = listener.unwrap(PGConnection.class);
				while (this.running.get()) {
					int published = publishBatch();
					this.metrics.published(published);
					failures = 0;
					if (published == 0) {
						// Returns at the first NOTIFY, or after the poll interval: the
						// fallback if one is missed.
						notifications.getNotifications((int) this.pollInterval.toMillis());
					}
				}
			}
			catch (Exception ex) {
				if (!this.running.get()) {
					break;
				}
				this.metrics.failed();
				Duration backoff = RETRY.ceiling(++failures);
				log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), ex.getMessage());
				sleep(backoff);
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.thread = new Thread(this::run, "outbox-relay");
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	@Override
	public void stop() {
		this.running.set(false);
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	private record Row(long id, UUID eventId, UUID aggregateId, String eventType, String topic, byte[] payload,
			Instant createdAt) {
	}

}
