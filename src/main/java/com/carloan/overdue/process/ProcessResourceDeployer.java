package com.carloan.overdue.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything under {@code processes/} (BPMN, DMN, Camunda Forms) from the classpath, where the
 * build copies it. Resource names are classpath-relative ({@code processes/forms/call-borrower.form}), so
 * they do not depend on the working directory; duplicate filtering deploys only changed files, and
 * nothing at all on an unchanged restart. The engine's deployment lock keeps two nodes starting at once
 * from deploying the same change twice.
 */
@Component
class ProcessResourceDeployer implements InitializingBean {

  static final String DEPLOYMENT_NAME = "car-loan-overdue";
  private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);
  private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private final RepositoryService repository;
  private final String location;

  ProcessResourceDeployer(RepositoryService repository, CollectionSettings settings) {
    this.repository = repository;
    this.location = settings.processesLocation();
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    Map<String, byte[]> found = new TreeMap<>();
    for (Resource r : resources()) {
      try (InputStream in = r.getInputStream()) {
        found.put(resourceName(r), in.readAllBytes());
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("No process resources found under classpath:" + location);
    }
    deploy(found);
  }

  /**
   * Deploys the resources that differ from their latest deployed version.
   * @return the names deployed now (empty when nothing changed)
   */
  List<String> deploy(Map<String, byte[]> resources) {
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("car-loan-overdue application")
        .enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    long before = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    Deployment d = builder.deployWithResult();
    boolean created = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() > before;
    List<String> deployed = created ? repository.getDeploymentResourceNames(d.getId()) : List.of();
    log.info("Process resources: {} found, {} new or changed deployed {}", resources.size(), deployed.size(), deployed);
    return deployed;
  }

  private List<Resource> resources() throws IOException {
    List<Resource> found = new ArrayList<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/**/*")) {
      String n = r.getFilename();
      if (r.isReadable() && n != null && SUFFIXES.stream().anyMatch(n::endsWith)) {
        found.add(r);
      }
    }
    found.sort(Comparator.comparing(this::resourceName));
    return found;
  }

  private String resourceName(Resource r) {
    try {
      String url = r.getURL().toString();
      int at = url.lastIndexOf("/" + location + "/");
      return url.substring(at + 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
