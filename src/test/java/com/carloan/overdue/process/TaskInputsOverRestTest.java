package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * A client completing a task through {@code /engine-rest} with inputs the task refuses gets 400 and the
 * reason, as Tasklist's users do, and the case stays where it was.
 */
class TaskInputsOverRestTest extends ApiTestSupport {

  @Test
  void refusedInputsAreABadRequestAndNothingMoves() throws Exception {
    ProcessInstance pi = openWeChatCase();
    String call = task(pi, "callBorrower").getId();
    owner = (String) runtime.getVariable(pi.getId(), "caseOwner");
    assertThat(task(pi, "callBorrower").getAssignee()).isEqualTo(owner);

    HttpResponse<String> refused = post("/engine-rest/task/" + call + "/complete",
        "{\"variables\": {\"contactResult\": {\"value\": \"MAYBE\"}, \"callNotes\": {\"value\": \"${x}\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.readTree(refused.body()).path("message").asText()).contains("contactResult", "callNotes")
        .doesNotContain("Exception while invoking");
    assertThat(refused.body()).doesNotContain("at org.", "at com.");
    assertThat(runtime.getActiveActivityIds(pi.getId())).contains("callBorrower");
    assertThat(task(pi, "callBorrower").getId()).isEqualTo(call);

    HttpResponse<String> accepted = post("/engine-rest/task/" + call + "/complete",
        "{\"variables\": {\"contactResult\": {\"value\": \"REFUSED\"}, \"callNotes\": {\"value\": \"拒绝还款\"}}}");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    assertThat(task(pi, "callBorrower")).isNull();
  }

  @Test
  void otherEngineAnswersStayCamundasOwn() throws Exception {
    ProcessInstance pi = openWeChatCase();
    String call = task(pi, "callBorrower").getId();

    HttpResponse<String> wrongType = post("/engine-rest/task/" + call + "/complete",
        "{\"variables\": {\"contactResult\": {\"value\": \"x\", \"type\": \"Integer\"}}}");

    assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
    assertThat(json.readTree(wrongType.body()).path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(task(pi, "callBorrower").getId()).isEqualTo(call);
  }

  /** The case's owner, who works its call (CONTRACT §4). */
  private String owner = "agent1";

  private HttpResponse<String> post(String path, String body) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((owner + ":" + owner).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
