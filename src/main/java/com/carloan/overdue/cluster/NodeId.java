package com.carloan.overdue.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The node's name in a cluster, {@code collections.node-id}: from {@code COLLECTIONS_NODE_ID}, else
 * host name and HTTP port, which stay the same across restarts and differ between two nodes on one
 * host. Set before logging starts, so every log line can carry it; the job executor writes it into
 * {@code ACT_RU_JOB.LOCK_OWNER_} and the job log into {@code ACT_HI_JOB_LOG.HOSTNAME_}.
 */
public class NodeId implements EnvironmentPostProcessor {

  public static final String PROPERTY = "collections.node-id";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return;
    }
    String id = host() + "-" + environment.getProperty("server.port", "8080");
    environment.getPropertySources().addFirst(new MapPropertySource("collectionsNodeId", Map.of(PROPERTY, id)));
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
