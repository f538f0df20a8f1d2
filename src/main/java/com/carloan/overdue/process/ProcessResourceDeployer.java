package com.carloan.overdue.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("car-loan-overdue application")
        .enableDuplicateFiltering(true);
    List<String> names = new ArrayList<>();
    for (Resource r : resources()) {
      String name = resourceName(r);
      try (InputStream in = r.getInputStream()) {
        builder.addInputStream(name, in);
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No process resources found under classpath:" + location);
    }
    Deployment d = builder.deployWithResult();
    int deployed = repository.getDeploymentResourceNames(d.getId()).size();
    log.info("Process resources: {} found, {} new or changed deployed (deployment {})", names.size(), deployed, d.getId());
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
