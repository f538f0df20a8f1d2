package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Everything under processes/ is deployed at start; an unchanged restart deploys nothing, a change a new version. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployer-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000"})
class ProcessResourceDeployerTest {

  @Autowired RepositoryService repository;
  @Autowired ProcessResourceDeployer deployer;

  private static Map<String, byte[]> processesFolder() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (var paths = Files.walk(Path.of("processes"))) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(p.toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void startUpDeploysTheModelTheDecisionAndEveryFormUnderWorkingDirectoryIndependentNames() throws Exception {
    var deployment = repository.createDeploymentQuery().deploymentName("car-loan-overdue").orderByDeploymentTime().asc()
        .list().get(0);

    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrderElementsOf(processesFolder().keySet())
        .contains("processes/car-loan-overdue.bpmn", "processes/overdue-strategy.dmn", "processes/forms/call-borrower.form");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("carLoanOverdue").count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("overdueStrategy")
        .deploymentId(deployment.getId()).count()).isEqualTo(1);
  }

  @Test
  void anUnchangedRestartDeploysNothingAndAChangedFileDeploysOnlyItself() throws Exception {
    long deployments = repository.createDeploymentQuery().deploymentName("car-loan-overdue").count();
    deployer.afterPropertiesSet();
    assertThat(repository.createDeploymentQuery().deploymentName("car-loan-overdue").count()).isEqualTo(deployments);

    Map<String, byte[]> changed = processesFolder();
    String dmn = new String(changed.get("processes/overdue-strategy.dmn"), StandardCharsets.UTF_8);
    changed.put("processes/overdue-strategy.dmn", dmn.replaceFirst("<description>", "<description>Edited in Modeler " + System.nanoTime() + ". ")
        .getBytes(StandardCharsets.UTF_8));

    assertThat(deployer.deploy(changed)).containsExactly("processes/overdue-strategy.dmn");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("overdueStrategy").latestVersion()
        .singleResult().getDeploymentId()).isNotEqualTo(repository.createProcessDefinitionQuery()
        .processDefinitionKey("carLoanOverdue").singleResult().getDeploymentId());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("carLoanOverdue").count()).isEqualTo(1);
    assertThat(deployer.deploy(changed)).isEmpty();
  }
}
