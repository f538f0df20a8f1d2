package com.carloan.overdue.contact;

import com.carloan.overdue.intake.LoanCases;
import java.util.ArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An SMS the provider refused until the outbox's attempts were spent becomes an incident of type
 * {@value #TYPE} on its case, at the activity the case waits in: operations see it in Cockpit beside
 * the failed-job incidents of the service tasks, with the message id and the provider's last answer.
 *
 * <p>The case itself does not wait for its SMS (the outbox sends after the step has committed), so there
 * is no job to retry. Resolving the incident instead ({@code DELETE /engine-rest/incident/{id}}, or
 * {@code RuntimeService#resolveIncident}) queues the message again, as a new contact attempt at the
 * next permitted moment; the provider gets the same reference, so a message it did take once is not
 * delivered twice.
 */
@Component
public class SmsDeliveryIncidents extends AbstractProcessEnginePlugin {

  public static final String TYPE = "smsDeliveryFailed";

  private static final Logger log = LoggerFactory.getLogger(SmsDeliveryIncidents.class);

  // Looked up when used: the engine needs this plugin before the beans that need the engine exist.
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<Outbox> outbox;
  private final LoanCases cases;

  SmsDeliveryIncidents(ObjectProvider<RuntimeService> runtime, ObjectProvider<Outbox> outbox, LoanCases cases) {
    this.runtime = runtime;
    this.outbox = outbox;
    this.cases = cases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new Handler());
  }

  /** Called once the message is FAILED, in a transaction of its own. */
  void raise(long messageId, String loanId, String template, int attempts, String lastError) {
    String message = "SMS sms-" + messageId + " (" + template + ") not delivered after " + attempts + " attempts: " + lastError;
    var processInstanceId = cases.findActive(loanId).map(c -> c.processInstanceId()).orElse(null);
    ActivityInstance waiting = processInstanceId == null ? null : leaf(runtime.getObject().getActivityInstance(processInstanceId));
    if (waiting == null || waiting.getExecutionIds().length == 0) {
      log.error("{} for loan {}, whose case is closed: no incident, the message stays FAILED", message, loanId);
      return;
    }
    runtime.getObject().createIncident(TYPE, waiting.getExecutionIds()[0], Long.toString(messageId), message);
    log.error("{} for loan {}: incident {} raised", message, loanId, TYPE);
  }

  private static ActivityInstance leaf(ActivityInstance instance) {
    if (instance == null || instance.getChildActivityInstances().length == 0) {
      return instance;
    }
    return leaf(instance.getChildActivityInstances()[0]);
  }

  /** Resolving the incident queues its message again. */
  private final class Handler extends DefaultIncidentHandler {

    Handler() {
      super(TYPE);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      long messageId = Long.parseLong(context.getConfiguration());
      boolean queued = outbox.getObject().requeue(messageId);
      log.info("Incident {} for SMS sms-{} resolved; message {}", TYPE, messageId, queued ? "queued again" : "was not FAILED");
      super.resolveIncident(context);
    }
  }
}
