package io.lethe.purge;

import java.time.Duration;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.codec.Topics;
import io.lethe.purge.job.PurgeJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A valid deletion event that meets a database refusing work is retried until the
 * database is back, however long that takes, and never dead-lettered. The refusal is the
 * real database's: a trigger on the table the intake writes first answers SQLSTATE 57P03
 * ("cannot connect now", as during a restart) for the one event under test, and counts
 * each refusal in a sequence (which a rollback does not undo).
 */
class IntakeRetryIntegrationTests extends PurgeWorkerIntegrationTest {

	@AfterEach
	void databaseBack() {
		this.jdbc.sql("drop trigger if exists refuse_event on purge.processed_events").update();
		this.jdbc.sql("drop function if exists purge.refuse_event()").update();
		this.jdbc.sql("drop sequence if exists purge.refusals").update();
	}

	@Test
	void anEventIsRetriedWhileTheDatabaseRefusesWorkAndNeverDeadLettered() {
		UUID org = this.catalog.org();
		UUID asset = UUID.randomUUID();
		AssetDeletionRequested deletion = TestEvents.assetDeletion(org, asset, false);
		refuse(deletion.getEventId());

		TestEvents.publish(asset, deletion);

		// the old bounded handling gave up after 3 tries
		await().atMost(Duration.ofSeconds(30)).until(() -> refusals() >= 8);
		this.jdbc.sql("drop trigger refuse_event on purge.processed_events").update();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.jobs.findByRoot(PurgeJob.ASSET, asset).isPresent());
		assertThat(KafkaProbe.rawRecords(Topics.DELETIONS_DLT, (record) -> asset.toString().equals(record.key())))
			.isEmpty();
	}

	private void refuse(String eventId) {
		this.jdbc.sql("create sequence purge.refusals").update();
		// the trigger runs as the worker's role, which counts the refusals
		this.jdbc.sql("alter sequence purge.refusals owner to lethe_worker").update();
		this.jdbc.sql("""
				create function purge.refuse_event() returns trigger language plpgsql as $$
				begin
				  if new.event_id = '%s' then
				    perform nextval('purge.refusals');
				    raise exception 'the database system is starting up' using errcode = '57P03';
				  end if;
				  return new;
				end $$
				""".formatted(eventId)).update();
		this.jdbc
			.sql("create trigger refuse_event before insert on purge.processed_events "
					+ "for each row execute function purge.refuse_event()")
			.update();
	}

	private long refusals() {
		return this.jdbc.sql("select case when is_called then last_value else 0 end from purge.refusals")
			.query(Long.class)
			.single();
	}

}
