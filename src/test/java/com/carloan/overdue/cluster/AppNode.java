package com.carloan.overdue.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The application as operations run it: {@code java -jar} of the built jar, in its own process, on a
 * free port, its output in a log file. {@link #kill()} is SIGKILL: no shutdown hook, no clean-up, as
 * when a machine dies. Every node also dies with the test JVM.
 */
public final class AppNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private Process process;

  private AppNode(String name, Path jar, Path workingDirectory, Map<String, String> environment, List<String> arguments) {
    this.name = name;
    this.port = freePort();
    this.workingDirectory = workingDirectory;
    this.log = workingDirectory.resolve(name + ".log");
    this.environment = environment;
    this.command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
    this.command.addAll(arguments);
  }

  /** Starts the jar; returns at once (see {@link #awaitHealthy}). */
  public static AppNode start(String name, Path jar, Path workingDirectory, Map<String, String> environment,
      List<String> arguments) {
    AppNode node = new AppNode(name, jar, workingDirectory, environment, arguments);
    node.launch();
    return node;
  }

  public static Path builtJar() {
    Path jar = Path.of(System.getProperty("app.jar", "target/car-loan-overdue-0.1.0-SNAPSHOT.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No application jar at " + jar + ": run the integration tests after `package`");
    }
    return jar;
  }

  /** Starts the same node again (same name, port, settings) after it was killed. */
  public void restart() {
    launch();
  }

  private void launch() {
    try {
      Files.createDirectories(workingDirectory);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
  }

  public void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (get("/actuator/health", null).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
  }

  /** SIGKILL. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the application stops as on a normal shutdown, and the embedded database closes its file. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET(), Duration.ofSeconds(30));
  }

  public HttpResponse<String> post(String path, String user, String contentType, String body, Duration timeout) {
    return send(request(path, user).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), timeout);
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      // the demo users' password is their id
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
