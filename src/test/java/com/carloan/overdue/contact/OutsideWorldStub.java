package com.carloan.overdue.contact;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS provider and the WeCom API on a local port (JDK HTTP server), as the HTTP adapters see them.
 * It can be switched to answer 500 (an outage), and it keeps what a real provider would: an SMS is
 * delivered once per {@code Idempotency-Key}, however often it is posted.
 */
public final class OutsideWorldStub implements AutoCloseable {

  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpServer server;
  private volatile boolean failing;
  private volatile boolean loseAnswers;
  private volatile String wecomErrcodeOnce;

  /** Idempotency key → how often the SMS was delivered to the phone (never more than once). */
  public final Map<String, Integer> smsDelivered = new ConcurrentHashMap<>();
  /** Idempotency key → how often it was posted, answered or not. */
  public final Map<String, Integer> smsPosted = new ConcurrentHashMap<>();
  public final List<String> smsBodies = new CopyOnWriteArrayList<>();
  public final List<String> smsHeaders = new CopyOnWriteArrayList<>();
  /** WeCom state → "contact me" entries created for it. */
  public final Map<String, Integer> contactWaysCreated = new ConcurrentHashMap<>();
  public final List<String> contactWayBodies = new CopyOnWriteArrayList<>();
  public final AtomicInteger tokensIssued = new AtomicInteger();
  public final AtomicInteger requestsRefused = new AtomicInteger();

  public OutsideWorldStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/sms", this::sms);
    server.createContext("/cgi-bin/gettoken", this::token);
    server.createContext("/cgi-bin/externalcontact/add_contact_way", this::contactWay);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String smsUrl() {
    return baseUrl() + "/sms";
  }

  /** Every call answers HTTP 500 while failing. */
  public OutsideWorldStub failing(boolean failing) {
    this.failing = failing;
    return this;
  }

  /** The provider takes each SMS but the answer is lost (500): the sender cannot know it was delivered. */
  public OutsideWorldStub loseAnswers(boolean lose) {
    this.loseAnswers = lose;
    return this;
  }

  /** The next add_contact_way answers HTTP 200 with this errcode (e.g. 42001, token expired). */
  public OutsideWorldStub wecomErrcodeOnce(String errcode) {
    this.wecomErrcodeOnce = errcode;
    return this;
  }

  public int smsDeliveredTotal() {
    return smsDelivered.values().stream().mapToInt(Integer::intValue).sum();
  }

  private void sms(HttpExchange exchange) throws IOException {
    String body = read(exchange);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    smsPosted.merge(String.valueOf(key), 1, Integer::sum);
    if (failing) {
      refuse(exchange);
      return;
    }
    smsHeaders.add("Idempotency-Key=" + key + ";Authorization=" + exchange.getRequestHeaders().getFirst("Authorization")
        + ";Content-Type=" + exchange.getRequestHeaders().getFirst("Content-Type"));
    if (smsDelivered.putIfAbsent(key, 1) == null) {
      smsBodies.add(body);
    }
    if (loseAnswers) {
      refuse(exchange);
      return;
    }
    answer(exchange, 200, "{\"status\":\"ACCEPTED\",\"reference\":\"" + key + "\"}");
  }

  private void token(HttpExchange exchange) throws IOException {
    read(exchange);
    if (failing) {
      refuse(exchange);
      return;
    }
    int n = tokensIssued.incrementAndGet();
    answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-" + n + "\",\"expires_in\":7200}");
  }

  private void contactWay(HttpExchange exchange) throws IOException {
    String body = read(exchange);
    if (failing) {
      refuse(exchange);
      return;
    }
    String errcode = wecomErrcodeOnce;
    if (errcode != null) {
      wecomErrcodeOnce = null;
      answer(exchange, 200, "{\"errcode\":" + errcode + ",\"errmsg\":\"access_token expired\"}");
      return;
    }
    contactWayBodies.add(exchange.getRequestURI().getQuery() + " " + body);
    Matcher state = STATE.matcher(body);
    String s = state.find() ? state.group(1) : "?";
    int n = contactWaysCreated.merge(s, 1, Integer::sum);
    answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"config_id\":\"cfg-" + s + "-" + n
        + "\",\"qr_code\":\"https://wecom.example/qr/" + s + "\"}");
  }

  private void refuse(HttpExchange exchange) throws IOException {
    requestsRefused.incrementAndGet();
    answer(exchange, 500, "{\"error\":\"provider unavailable\"}");
  }

  private static String read(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
