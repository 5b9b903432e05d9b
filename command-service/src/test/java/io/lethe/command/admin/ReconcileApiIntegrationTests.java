package io.lethe.command.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.command.CommandServiceIntegrationTest;
import io.lethe.command.PurgeEvents;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.codec.Topics;
import io.lethe.testkit.Api.Response;
import io.lethe.testkit.KafkaEvents;
import io.lethe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orphan reconciliation on the command side: only operators may ask, a request is a dry
 * run unless it says otherwise, it reaches the worker as an event and is audited, and the
 * worker's report is read back.
 */
class ReconcileApiIntegrationTests extends CommandServiceIntegrationTest {

	@Test
	void theReconcileRoutesRefuseAMemberKeyWith403AndNoKeyWith401() {
		TestOrg org = newOrg();
		for (String[] route : List.of(new String[] { "POST", "/api/v1/admin/reconcile?dry_run=false" },
				new String[] { "GET", "/api/v1/admin/reconcile" },
				new String[] { "GET", "/api/v1/admin/reconcile/" + UUID.randomUUID() })) {
			Response member = this.api.send(route[0], route[1], org.key(), null);
			Response anonymous = this.api.send(route[0], route[1], (String) null, null);

			assertThat(member.status()).as(route[0] + " " + route[1]).isEqualTo(403);
			assertThat(member.json().get("type").stringValue()).isEqualTo("urn:lethe:problem:forbidden");
			assertThat(anonymous.status()).as(route[0] + " " + route[1]).isEqualTo(401);
		}
		assertThat(auditedRequests(org.id())).isZero();
	}

	@Test
	void aRequestIsADryRunByDefaultReachesTheWorkerAsAnEventAndIsAudited() {
		TestOrg operatorOrg = newOrg();
		String operator = operatorKey(operatorOrg);

		Response accepted = this.api.post("/api/v1/admin/reconcile", operator, null);

		assertThat(accepted.status()).isEqualTo(202);
		String run = accepted.json().get("run_id").stringValue();
		assertThat(accepted.header("Location")).isEqualTo("/api/v1/admin/reconcile/" + run);
		assertThat(accepted.json().get("dry_run").booleanValue()).isTrue();
		ReconcileRequested event = request(run);
		assertThat(event.getDryRun()).isTrue();
		assertThat(event.getEventId()).isEqualTo(accepted.json().get("event_id").stringValue());
		assertThat(event.getScopeOrgId()).isNull();
		assertThat(event.getSafetyAge()).isNull();
		assertThat(event.getOrgId()).isEqualTo(operatorOrg.id().toString());
		JsonNode audit = this.api.get("/api/v1/admin/audit?target_id=" + run, operator).json().get("data").get(0);
		assertThat(audit.get("action").stringValue()).isEqualTo("reconcile.request");
		assertThat(audit.get("outcome").stringValue()).isEqualTo("ok");
		assertThat(audit.get("detail").get("dry_run").booleanValue()).isTrue();
		// not picked up by a worker yet (none runs here): the request is what there is
		JsonNode requested = this.api.get("/api/v1/admin/reconcile/" + run, operator).json();
		assertThat(requested.get("state").stringValue()).isEqualTo("requested");
		assertThat(requested.get("dry_run").booleanValue()).isTrue();
	}

	@Test
	void aRealRunIsOnlyEverAskedForExplicitlyAndItsReportIsReadBack() {
		TestOrg org = newOrg();
		String operator = operatorKey(newOrg());

		Response accepted = this.api
			.post("/api/v1/admin/reconcile?dry_run=false&org_id=" + org.id() + "&safety_age=PT2H", operator, null);

		assertThat(accepted.status()).isEqualTo(202);
		String run = accepted.json().get("run_id").stringValue();
		ReconcileRequested event = request(run);
		assertThat(event.getDryRun()).isFalse();
		assertThat(event.getScopeOrgId()).isEqualTo(org.id().toString());
		assertThat(event.getSafetyAge()).isEqualTo("PT2H");
		// the worker ran it and reported its state and report on lethe.purge-events
		PurgeEvents.publish(PurgeEvents.run(UUID.fromString(run), "completed", 5)
			.setDryRun(false)
			.setScopeOrgId(org.id().toString())
			.setSafetyAge("PT2H")
			.setStartedAt(Instant.now())
			.setCompletedAt(Instant.now())
			.setReport("{\"totals\": {\"found\": 3, \"removed\": 3}}"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.api.get("/api/v1/admin/reconcile/" + run, operator).json().get("state").stringValue())
				.isEqualTo("completed"));
		JsonNode done = this.api.get("/api/v1/admin/reconcile/" + run, operator).json();
		assertThat(done.get("state").stringValue()).isEqualTo("completed");
		assertThat(done.get("org_id").stringValue()).isEqualTo(org.id().toString());
		assertThat(done.get("report").get("totals").get("removed").asLong()).isEqualTo(3);
		JsonNode list = this.api.get("/api/v1/admin/reconcile?limit=100", operator).json();
		assertThat(list.get("data").values()).extracting((r) -> r.get("run_id").stringValue()).contains(run);
	}

	@Test
	void badInputIsAnsweredWith422NamingTheParameterNeverA500() {
		String operator = operatorKey(newOrg());
		for (String query : List.of("dry_run=maybe", "dry_run=", "safety_age=soon", "safety_age=-PT1H",
				"safety_age=P365D", "org_id=not-a-uuid", "org_id=" + UUID.randomUUID())) {
			Response refused = this.api.post("/api/v1/admin/reconcile?" + query, operator, null);

			assertThat(refused.status()).as(query).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("loc").get(1).stringValue())
				.isEqualTo(query.substring(0, query.indexOf('=')));
		}
		assertThat(this.api.get("/api/v1/admin/reconcile/not-a-uuid", operator).status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/admin/reconcile?limit=0", operator).status()).isEqualTo(422);
		assertThat(this.api.get("/api/v1/admin/reconcile/" + UUID.randomUUID(), operator).status()).isEqualTo(404);
	}

	private long auditedRequests(UUID org) {
		return this.jdbc
			.sql("select count(*) from catalog.audit where action = 'reconcile.request' " + "and actor_org = :org")
			.param("org", org)
			.query(Long.class)
			.single();
	}

	private static ReconcileRequested request(String run) {
		return (ReconcileRequested) KafkaEvents
			.await(TestInfrastructure.kafka().bootstrapServers(), Topics.DELETIONS,
					(r) -> run.equals(r.key()) && r.value() instanceof ReconcileRequested, 1, Duration.ofSeconds(20))
			.get(0)
			.value();
	}

}
