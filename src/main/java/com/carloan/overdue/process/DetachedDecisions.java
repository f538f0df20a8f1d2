package com.carloan.overdue.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A DMN engine of its own, with the process engine's FEEL behaviour, for evaluating a decision where the
 * evaluation must leave no history and count no metric: previewing an edited table, routing an import.
 * Decisions that decide a case are evaluated by the process engine, which records them.
 */
@Component
public class DetachedDecisions {

  private final DmnEngine dmn;
  private final RepositoryService repository;

  DetachedDecisions(RepositoryService repository,
      @Value("${camunda.bpm.generic-properties.properties.dmnFeelEnableLegacyBehavior:false}") boolean legacyFeel) {
    // The documented way to configure a standalone DMN engine's FEEL (the engine's dmnFeelEnableLegacyBehavior).
    this.dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .enableFeelLegacyBehavior(legacyFeel)
        .buildEngine();
    this.repository = repository;
  }

  public DmnEngine engine() {
    return dmn;
  }

  /** The decisions of the latest deployed version of the DMN that holds {@code decisionKey}. */
  public List<DmnDecision> latestDeployed(String decisionKey) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("decision " + decisionKey + " is not deployed");
    }
    try (InputStream xml = repository.getDecisionModel(definition.getId())) {
      return dmn.parseDecisions(xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
