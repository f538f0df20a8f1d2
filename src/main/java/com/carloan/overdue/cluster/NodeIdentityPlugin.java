package com.carloan.overdue.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the node id: as the job executor's lock owner (which node holds a job) and as the
 * host name of the job log and metrics (which node ran a job). Camunda's defaults are a random UUID and
 * the IP address, which say nothing after a restart or behind NAT.
 */
@Component
class NodeIdentityPlugin extends AbstractProcessEnginePlugin {

  private final String nodeId;

  NodeIdentityPlugin(@Value("${" + NodeId.PROPERTY + "}") String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(nodeId);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }
}
