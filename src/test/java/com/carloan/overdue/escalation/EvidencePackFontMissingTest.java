package com.carloan.overdue.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An OS font configured but not installed: the application starts, says so in /actuator/health (DEGRADED), and a
 * legal case stops at {@code compileEvidencePack} with an incident naming the font, not silently.
 */
@TestPropertySource(properties = "collections.evidence-pack.font-path=" + EvidencePackFontMissingTest.MISSING)
class EvidencePackFontMissingTest extends ApiTestSupport {

  static final String MISSING = "/nonexistent/fonts/wqy-microhei.ttc";

  @Test
  void healthIsDegradedOnTheFont() {
    HttpResponse<byte[]> health = get("/actuator/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).at("/status").asText()).isEqualTo("DEGRADED");
    assertThat(json(health).at("/components/evidencePackFont/status").asText()).isEqualTo("DEGRADED");
  }

  @Test
  void aLegalCaseGetsAnIncidentNamingTheFont() {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    supervisorCompletesTolerantly(pi);

    // what the job executor does: the run above, two more five minutes apart (R3/PT5M), then an incident
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("compileEvidencePack")
          .executable().singleResult();
      if (job != null) {
        runTolerantly(() -> management.executeJob(job.getId()));
      }
      advance(Duration.ofMinutes(5));
    }

    assertThat(pi).isWaitingAt("compileEvidencePack");
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("compileEvidencePack");
    assertThat(incident.getIncidentMessage()).contains("Evidence-pack font " + MISSING, "not found or unreadable");
  }

  private void supervisorCompletesTolerantly(ProcessInstance pi) {
    runTolerantly(() -> decideEscalation(pi, "LEGAL_ACTION"));
  }

  private static void runTolerantly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      assertThat(e).hasMessageContaining(MISSING);
    }
  }
}
