package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes deploying the same change at the same moment (both started with an edited processes/):
 * Camunda's deployment lock, a row lock on ACT_GE_PROPERTY 'deployment.lock', makes the second wait
 * until the first has committed; its duplicate filter then finds the change deployed and deploys
 * nothing. The second node is a second engine on the same database, with no JVM-level synchronization.
 * Runs in the postgres-tests run of {@code ./mvnw verify}.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment-lock-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000"})
class DeploymentLockTest {

  /** How long the first node keeps its deployment transaction open after deploying. */
  private static final long HOLD_MILLIS = 2000;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired ProcessResourceDeployer deployer;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theEngineDeploysUnderTheDatabaseLock() {
    assertThat(configuration().isDeploymentLockUsed()).isTrue();
    assertThat(configuration().isDeploymentSynchronized()).isTrue();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** Only on PostgreSQL: H2, the embedded single-node default, does not hold two engines to the lock. */
  @Test
  void aSecondNodeDeployingTheSameChangeWaitsForTheFirstAndThenDeploysNothing() throws Exception {
    assumeTrue(configuration().getDatabaseType().equals("postgres"), "a cluster runs on PostgreSQL");
    Map<String, byte[]> edited = editedDecision();
    long deploymentsBefore = deployments();
    int versionBefore = decisionVersion();
    ProcessEngine secondNode = secondNodeOnTheSameDatabase();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch firstDeployed = new CountDownLatch(1);
      Future<List<String>> first = nodes.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
        List<String> deployed = deployer.deploy(edited);
        firstDeployed.countDown();
        pause(HOLD_MILLIS);
        return deployed;
      }));
      assertThat(firstDeployed.await(30, TimeUnit.SECONDS)).isTrue();
      long started = System.nanoTime();
      Future<String> second = nodes.submit(() -> sameDeployment(secondNode.getRepositoryService(), edited).deploy().getId());

      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly("processes/overdue-strategy.dmn");
      // With nothing left to deploy, Camunda hands back the deployment that has the resources: the first node's.
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(repository.createDeploymentQuery()
          .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list().get(0).getId());
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("the second node waited for the lock")
          .isGreaterThanOrEqualTo(HOLD_MILLIS * 3 / 4);
      assertThat(deployments()).isEqualTo(deploymentsBefore + 1);
      assertThat(decisionVersion()).isEqualTo(versionBefore + 1);
    } finally {
      nodes.shutdownNow();
      secondNode.close();
    }
  }

  private long deployments() {
    return repository.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).count();
  }

  private int decisionVersion() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey("overdueStrategy").latestVersion()
        .singleResult().getVersion();
  }

  /** What ProcessResourceDeployer builds on the other node. */
  private static DeploymentBuilder sameDeployment(RepositoryService repository, Map<String, byte[]> resources) {
    DeploymentBuilder builder = repository.createDeployment().name(ProcessResourceDeployer.DEPLOYMENT_NAME)
        .source("car-loan-overdue application").enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    return builder;
  }

  private ProcessEngine secondNodeOnTheSameDatabase() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    c.setProcessEngineName("second-node-" + System.nanoTime());
    c.setDataSource(dataSource);
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    c.setJobExecutorActivate(false);
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setIdGenerator(new StrongUuidGenerator());
    c.setEnforceHistoryTimeToLive(false);
    c.setDeploymentSynchronized(false);
    c.setMetricsEnabled(false);
    return c.buildProcessEngine();
  }

  private static Map<String, byte[]> editedDecision() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (var paths = Files.walk(Path.of("processes"))) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(p.toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    String dmn = new String(files.get("processes/overdue-strategy.dmn"), StandardCharsets.UTF_8);
    files.put("processes/overdue-strategy.dmn", dmn.replaceFirst("<description>",
        "<description>Edited on two nodes " + System.nanoTime() + ". ").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
