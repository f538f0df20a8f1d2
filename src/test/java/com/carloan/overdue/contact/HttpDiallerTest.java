package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The call centre's click-to-dial API over real HTTP, against a local stub server. */
class HttpDiallerTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> headers = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> answer = new AtomicReference<>("200 {\"callId\":\"CC-7781\"}");
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/calls", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      headers.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + ";"
          + exchange.getRequestHeaders().getFirst("Authorization"));
      String[] reply = answer.get().split(" ", 2);
      byte[] out = reply[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(Integer.parseInt(reply[0]), out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpDialler dialler() {
    return new HttpDialler(HttpAdapters.restClient(RestClient.builder(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/calls", "key-9");
  }

  @Test
  void postsTheAgentAndTheCalleeWithTheReferenceAsIdempotencyKeyAndReadsTheCallId() throws Exception {
    Dialler.Dialled placed = dialler().dial("dial-1", "L-1", "agent1", "13812345678");

    assertThat(placed.callId()).isEqualTo("CC-7781");
    assertThat(json.readTree(bodies.get(0)).properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactly("reference", "agent", "callee");
    assertThat(json.readTree(bodies.get(0)).path("callee").asText()).isEqualTo("13812345678");
    assertThat(headers).containsExactly("dial-1;Bearer key-9");
  }

  @Test
  void aRefusalOrAnAnswerWithoutACallIdIsADialThatFailed() {
    answer.set("503 {\"error\":\"busy\"}");
    assertThatThrownBy(() -> dialler().dial("dial-2", "L-1", "agent1", "13812345678"))
        .isInstanceOf(Dialler.DialFailed.class).hasMessageContaining("HTTP 503");

    answer.set("200 {\"status\":\"queued\"}");
    assertThatThrownBy(() -> dialler().dial("dial-3", "L-1", "agent1", "13812345678"))
        .isInstanceOf(Dialler.DialFailed.class).hasMessageContaining("without a callId");
  }

  @Test
  void anUnreachableDiallerFailsAndAMissingUrlStopsTheStart() {
    HttpDialler unreachable = dialler();
    server.stop(0);
    assertThatThrownBy(() -> unreachable.dial("dial-4", "L-1", "agent1", "13812345678"))
        .isInstanceOf(Dialler.DialFailed.class).hasMessageContaining("unreachable");
    assertThatThrownBy(() -> new HttpDialler(RestClient.builder().build(), " ", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("collections.dialler.http.url");
  }
}
