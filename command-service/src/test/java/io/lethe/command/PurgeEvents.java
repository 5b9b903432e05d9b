package io.lethe.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;
import io.lethe.events.codec.EventSerializer;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the purge worker on {@code lethe.purge-events}: its snapshots of jobs and runs,
 * sent to the test broker as the worker sends them, so that tests see the command
 * service's copy fed the way it is in production.
 */
public final class PurgeEvents {

	private static final EventSerializer EVENTS = new EventSerializer();

	private static KafkaProducer<String, byte[]> producer;

	private PurgeEvents() {
	}

	/** A job's snapshot at {@code version}: nothing deleted yet, no receipt. */
	public static PurgeJobUpdated.Builder job(UUID org, UUID job, String rootType, UUID root, String state,
			long version) {
		Instant now = Instant.now();
		return PurgeJobUpdated.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(now)
			.setJobId(job.toString())
			.setRootType(rootType)
			.setRootId(root.toString())
			.setVersion(version)
			.setState(state)
			.setStep("fence")
			.setAttempts(0)
			.setRunAt(now)
			.setRequestedAt(now)
			.setRequestedBy("key-1")
			.setCreatedAt(now)
			.setVectorsDeleted(0)
			.setObjectsDeleted(0)
			.setRowsDeleted(0)
			.setAssetTargets(List.of());
	}

	/** A completed job's snapshot with its receipt. */
	public static PurgeJobUpdated.Builder completed(UUID org, UUID job, String rootType, UUID root, long version) {
		Instant now = Instant.now();
		return job(org, job, rootType, root, "completed", version).setStep("done")
			.setAttempts(1)
			.setStartedAt(now)
			.setCompletedAt(now)
			.setReceipt("{\"job_id\":\"" + job + "\"}")
			.setReceiptSignature("ab12")
			.setReceiptAlgorithm("HMAC-SHA256")
			.setReceiptKeyId("test-1");
	}

	/** A reconciliation run's snapshot. */
	public static ReconcileRunUpdated.Builder run(UUID run, String state, long version) {
		return ReconcileRunUpdated.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setRunId(run.toString())
			.setVersion(version)
			.setState(state)
			.setDryRun(true)
			.setRequestedVia("operator")
			.setRequestedBy("key")
			.setRequestedAt(Instant.now());
	}

	/** Sends a job's snapshot keyed by its root, as the worker does. */
	public static void publish(PurgeJobUpdated.Builder job) {
		PurgeJobUpdated event = job.build();
		publish(event.getRootId(), event);
	}

	/** Sends a run's snapshot keyed by its id, as the worker does. */
	public static void publish(ReconcileRunUpdated.Builder run) {
		ReconcileRunUpdated event = run.build();
		publish(event.getRunId(), event);
	}

	public static void publish(String key, SpecificRecord event) {
		publishRaw(key, EVENTS.serialize(Topics.PURGE_EVENTS, event));
	}

	public static synchronized void publishRaw(String key, byte[] value) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		try {
			producer.send(new ProducerRecord<>(Topics.PURGE_EVENTS, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + Topics.PURGE_EVENTS, ex);
		}
	}

}
