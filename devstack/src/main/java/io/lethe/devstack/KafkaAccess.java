package io.lethe.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lethe.events.codec.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on Lethe's topics, least privilege each:
 * <ul>
 * <li>{@value #COMMAND}, the command service: writes {@code lethe.deletions} (the outbox
 * relay, and the DLT replay's re-publishing), reads {@code lethe.purge-events} as group
 * {@code lethe-command-service}, {@code lethe.deletions.DLT} as group
 * {@code lethe-dlt-replay} and {@code lethe.deletion-acks} as group
 * {@code lethe-command-acks} (the downstream ledger);</li>
 * <li>{@value #WORKER}, the purge worker: reads {@code lethe.deletions} as group
 * {@code lethe-purge-worker}, writes {@code lethe.purge-events} and dead letters to
 * {@code lethe.deletions.DLT};</li>
 * <li>{@value #CONSUMER}, for downstream consumers (search indexes, caches, analytics):
 * reads {@code lethe.deletions}, in groups whose names start with {@code lethe-consumer},
 * writes its acknowledgements to {@code lethe.deletion-acks}, and creates and writes the
 * consumers' own dead-letter topics, named {@value #CONSUMER_TOPICS}{@code <name>.DLT}
 * (the {@code lethe-consumer} library's).</li>
 * </ul>
 * Nobody but the admin creates topics: the set-up does, before the services start (the
 * worker's {@code NewTopic} declarations then only describe them). Both services'
 * producers are idempotent without transactions; the broker gives such a producer its id
 * for WRITE on some topic, without {@code IDEMPOTENT_WRITE} on the cluster (a user with
 * no WRITE at all gets a {@code ClusterAuthorizationException} instead). The group names
 * are the services' own (their listeners and {@code DltReplayer}); the system tests run
 * the services on a broker with exactly these ACLs.
 */
public final class KafkaAccess {

	public static final String COMMAND = "lethe-command";

	public static final String WORKER = "lethe-worker";

	public static final String CONSUMER = "lethe-consumer";

	/** The prefix of the topics downstream consumers own. */
	public static final String CONSUMER_TOPICS = Topics.DELETIONS + ".consumer.";

	/** Lethe's topics with their partitions, created by the set-up. */
	public static final Map<String, Integer> TOPICS = Map.of(Topics.DELETIONS, Topics.DELETIONS_PARTITIONS,
			Topics.PURGE_EVENTS, Topics.DELETIONS_PARTITIONS, Topics.DELETIONS_DLT, 1, Topics.DELETION_ACKS,
			Topics.DELETIONS_PARTITIONS);

	private KafkaAccess() {
	}

	/** Every ACL of Lethe's users. */
	public static List<AclBinding> acls() {
		List<AclBinding> acls = new ArrayList<>();
		allow(acls, COMMAND, topic(Topics.DELETIONS), AclOperation.WRITE);
		allow(acls, COMMAND, topic(Topics.PURGE_EVENTS), AclOperation.READ);
		allow(acls, COMMAND, group("lethe-command-service"), AclOperation.READ);
		allow(acls, COMMAND, topic(Topics.DELETIONS_DLT), AclOperation.READ);
		allow(acls, COMMAND, group("lethe-dlt-replay"), AclOperation.READ);
		allow(acls, COMMAND, topic(Topics.DELETION_ACKS), AclOperation.READ);
		allow(acls, COMMAND, group("lethe-command-acks"), AclOperation.READ);
		allow(acls, WORKER, topic(Topics.DELETIONS), AclOperation.READ);
		allow(acls, WORKER, group("lethe-purge-worker"), AclOperation.READ);
		allow(acls, WORKER, topic(Topics.PURGE_EVENTS), AclOperation.WRITE);
		allow(acls, WORKER, topic(Topics.DELETIONS_DLT), AclOperation.WRITE);
		allow(acls, CONSUMER, topic(Topics.DELETIONS), AclOperation.READ);
		allow(acls, CONSUMER, new ResourcePattern(ResourceType.GROUP, CONSUMER, PatternType.PREFIXED),
				AclOperation.READ);
		allow(acls, CONSUMER, topic(Topics.DELETION_ACKS), AclOperation.WRITE);
		ResourcePattern consumerTopics = new ResourcePattern(ResourceType.TOPIC, CONSUMER_TOPICS, PatternType.PREFIXED);
		allow(acls, CONSUMER, consumerTopics, AclOperation.CREATE);
		allow(acls, CONSUMER, consumerTopics, AclOperation.WRITE);
		return acls;
	}

	/**
	 * Sets a secured broker up for Lethe, as its admin: the {@link #TOPICS}, Lethe's
	 * users with their passwords, and their {@link #acls()}. Running it again changes
	 * only the passwords.
	 */
	public static void setUp(KafkaKraftBroker broker, KafkaUsers users) {
		broker.ensureTopics(TOPICS);
		broker.ensureUsers(users.applicationUsers());
		broker.ensureAcls(acls());
	}

	private static void allow(List<AclBinding> acls, String user, ResourcePattern resource, AclOperation operation) {
		acls.add(new AclBinding(resource,
				new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
	}

	private static ResourcePattern topic(String name) {
		return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
	}

	private static ResourcePattern group(String name) {
		return new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
	}

}
