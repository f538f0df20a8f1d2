package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service task that talks to the outside runs as a job with retries, so an outage ends in an
 * incident that Cockpit can retry, not in an error for whoever completed the step before it.
 * ({@code sendPaymentReminder} and {@code recordAgreement} stay synchronous: they only write to the SMS
 * outbox, which retries on its own.)
 */
class OutsideServiceTasksTest {

  private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(Path.of("processes/car-loan-overdue.bpmn").toFile());

  @ParameterizedTest
  @ValueSource(strings = {"requestWeChatContact", "notifyCreditReport", "compileEvidencePack", "archiveCase"})
  void runsAsynchronouslyWithThreeRetriesFiveMinutesApart(String id) {
    ServiceTask task = MODEL.getModelElementById(id);

    assertThat(task.isCamundaAsyncBefore()).isTrue();
    assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
        .singleResult().getTextContent()).isEqualTo("R3/PT5M");
  }
}
