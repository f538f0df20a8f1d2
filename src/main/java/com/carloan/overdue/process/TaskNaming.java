package com.carloan.overdue.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Names each user task after its step and its loan, {@code 致电借款人 · L-2026-000123}, so an
 * agent's Tasklist reads without opening a task. The model keeps its bilingual names ("Call the
 * borrower 致电借款人") for Modeler and Cockpit; a parse listener gives every user task a create
 * listener, so no model has to repeat one.
 */
@Component
class TaskNaming extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " · ";

  /** From the first Han character on: "Approve the plan (four eyes) 方案审批" → "方案审批". */
  private static final Pattern CHINESE_PART = Pattern.compile("\\p{IsHan}.*$");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new NameUserTasks());
  }

  /** The name Tasklist shows for a step of the model; the whole name where it has no Chinese part. */
  static String stepName(String modelName) {
    Matcher chinese = CHINESE_PART.matcher(modelName);
    return chinese.find() ? chinese.group().trim() : modelName.trim();
  }

  /** The step a task stands for, without its loan: "致电借款人". */
  static String stepName(DelegateTask task) {
    String modelName = task.getBpmnModelElementInstance() == null ? null
        : task.getBpmnModelElementInstance().getName();
    return modelName == null ? task.getName() : stepName(modelName);
  }

  private static final class NameUserTasks extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String name = element.attribute("name");
      // A name that is itself an expression is the model's own choice.
      if (name == null || name.isBlank() || name.contains("${") || name.contains("#{")) {
        return;
      }
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new NameAfterLoan(stepName(name)));
    }
  }

  private record NameAfterLoan(String stepName) implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Object loanId = task.getVariable(CaseVariables.LOAN_ID);
      if (loanId != null) {
        task.setName(stepName + SEPARATOR + loanId);
      }
    }
  }
}
