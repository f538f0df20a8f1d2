package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.carloan.overdue.contact.WeComSimulator;
import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.api.ContractPayload;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * CONTRACT §2 and §3 as one table: every endpoint and webapp × every user of the contract (and a
 * caller without or with wrong credentials) × the status that user gets. A cell the user may use
 * expects the call's success code, so it also proves the call works for them, not merely that it
 * was let through. Each cell is its own test, named "call · user → status".
 */
class AccessMatrixTest extends ApiTestSupport {

  /** No credentials at all, and credentials of nobody. */
  private static final String ANONYMOUS = "(anonymous)";
  private static final String WRONG_PASSWORD = "(wrong password)";

  private static final List<String> USERS = List.of(ANONYMOUS, WRONG_PASSWORD, "admin", "agent1", "agent2",
      "supervisor1", "supervisor2", "manager1", "legal1", "owner1", "loansys");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired RepositoryService repository;
  @Value("${collections.wecom.token}") String weComToken;
  @Value("${collections.wecom.encoding-aes-key}") String weComKey;
  @Value("${collections.wecom.corp-id}") String weComCorpId;

  private record Row(String call, Map<String, Integer> allowed, int othersGet, Function<String, HttpResponse<String>> send) {
  }

  /** The expected status of every user: the allowed ones as listed, 401 without valid credentials, else {@code othersGet}. */
  private static Map<String, Integer> expected(Row row) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (String user : USERS) {
      boolean signedIn = !user.equals(ANONYMOUS) && !user.equals(WRONG_PASSWORD);
      expected.put(user, row.allowed().getOrDefault(user, signedIn ? row.othersGet() : 401));
    }
    return expected;
  }

  @TestFactory
  Stream<DynamicTest> everyCallEveryUser() {
    // One open case owned by agent1, who holds its call and may dial; agent2, of the same team, owns other cases.
    ProcessInstance open = openWeChatCase();
    String openLoan = loanId(open);
    if (!"agent1".equals(owner(open))) {
      assertThat(postJson("supervisor1", "/api/cases/transfer", "{\"loanIds\": [\"" + openLoan
          + "\"], \"toAgent\": \"agent1\", \"reason\": \"matrix\"}").statusCode()).isEqualTo(200);
    }
    assertThat(task(open, "callBorrower").getAssignee()).isEqualTo("agent1");
    // One settled and archived case.
    ProcessInstance closed = openCase(5, "3000.00", 0, "NORMAL");
    pay(closed, "3000.00");
    assertEnded(closed, "SETTLED");
    // One case at litigation, with its evidence pack compiled.
    ProcessInstance litigation = openWeChatCase();
    agentCompletes(litigation, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    decideEscalation(litigation, "LEGAL_ACTION");
    WeComSimulator weCom = new WeComSimulator(weComToken, weComKey, weComCorpId);

    List<Row> rows = List.of(
        new Row("POST /api/cases", Map.of("loansys", 201, "supervisor1", 201, "supervisor2", 201, "manager1", 201, "admin", 201), 403,
            user -> postJson(user, "/api/cases", intakeJson(freshLoanId()))),
        new Row("POST /api/cases/import", Map.of("loansys", 200, "supervisor1", 200, "supervisor2", 200, "manager1", 200, "admin", 200),
            403, user -> send(user, "POST", "/api/cases/import", "text/csv", csv(freshLoanId()))),
        new Row("GET /api/cases/{loanId}", Map.of("agent1", 200, "supervisor1", 200, "supervisor2", 200, "manager1", 200,
            "legal1", 200, "admin", 200), 403, user -> send(user, "GET", "/api/cases/" + openLoan, null, null)),
        new Row("POST /api/cases/{loanId}/payments", Map.of("loansys", 200), 403,
            user -> postJson(user, "/api/cases/" + openLoan + "/payments",
                "{\"paymentId\": \"P-M-" + SEQUENCE.incrementAndGet() + "\", \"amount\": 1.00, "
                    + "\"paidAt\": \"2026-12-01T10:00:00+08:00\"}")),
        new Row("POST /api/cases/{loanId}/wechat-contact", Map.of("agent1", 204, "agent2", 204, "supervisor1", 204,
            "supervisor2", 204, "manager1", 204, "admin", 204), 403,
            user -> send(user, "POST", "/api/cases/" + loanId(openWeChatCase()) + "/wechat-contact", null, null)),
        new Row("POST /api/cases/{loanId}/communications", Map.of("agent1", 201, "supervisor1", 201,
            "supervisor2", 201, "manager1", 201, "admin", 201), 403,
            user -> postJson(user, "/api/cases/" + openLoan + "/communications",
                "{\"channel\": \"WECHAT\", \"direction\": \"INBOUND\", \"content\": \"矩阵测试\"}")),
        new Row("GET /api/cases/{loanId}/communications", Map.of("agent1", 200, "supervisor1", 200, "supervisor2", 200, "manager1", 200,
            "legal1", 200, "admin", 200), 403,
            user -> send(user, "GET", "/api/cases/" + openLoan + "/communications", null, null)),
        new Row("GET /api/cases/{loanId}/phone", Map.of("agent1", 200), 403,
            user -> send(user, "GET", "/api/cases/" + openLoan + "/phone", null, null)),
        new Row("GET /api/cases/{loanId}/archive", Map.of("supervisor1", 200, "supervisor2", 200, "manager1", 200, "legal1", 200,
            "admin", 200), 403, user -> send(user, "GET", "/api/cases/" + loanId(closed) + "/archive", null, null)),
        new Row("GET /api/cases/{loanId}/evidence-pack", Map.of("supervisor1", 200, "supervisor2", 200, "manager1", 200, "legal1", 200,
            "admin", 200), 403,
            user -> send(user, "GET", "/api/cases/" + loanId(litigation) + "/evidence-pack", null, null)),
        new Row("POST /api/cases/recall", Map.of("supervisor1", 200, "supervisor2", 200, "manager1", 200,
            "admin", 200), 403, user -> postJson(user, "/api/cases/recall",
                "{\"loanIds\": [\"L-NO-SUCH-LOAN\"], \"reason\": \"matrix\"}")),
        new Row("GET /api/agents/{userId}/cases", Map.of("agent1", 200, "supervisor1", 200, "supervisor2", 200,
            "manager1", 200, "admin", 200), 403, user -> send(user, "GET", "/api/agents/agent1/cases", null, null)),
        new Row("GET /api/teams/{team}/workload", Map.of("supervisor1", 200, "supervisor2", 200, "manager1", 200,
            "admin", 200), 403, user -> send(user, "GET", "/api/teams/team-m1/workload", null, null)),
        // WeCom signs its callbacks: Basic credentials neither help nor hurt, the signature decides.
        new Row("GET /api/wecom/callback (signed)", allUsers(200), 200,
            user -> send(user, "GET", "/api/wecom/callback" + weCom.urlCheck("echo", TUESDAY_10AM.toEpochSecond())
                .query(), null, null)),
        new Row("GET /api/wecom/callback (forged)", allUsers(401), 401,
            user -> send(user, "GET", "/api/wecom/callback" + weCom.urlCheck("echo", TUESDAY_10AM.toEpochSecond())
                .withSignature("0".repeat(40)).query(), null, null)),
        new Row("GET /engine-rest/task", Map.of("admin", 200, "agent1", 200, "agent2", 200, "supervisor1", 200,
            "supervisor2", 200, "manager1", 200, "legal1", 200, "owner1", 200), 403,
            user -> send(user, "GET", "/engine-rest/task?maxResults=1", null, null)),
        new Row("POST /engine-rest/deployment/create", Map.of("admin", 200, "owner1", 200), 403, this::deploy),
        new Row("Tasklist", Map.of("admin", 200, "agent1", 200, "agent2", 200, "supervisor1", 200,
            "supervisor2", 200, "manager1", 200, "legal1", 200), 403, user -> webappLogin("tasklist", user)),
        new Row("Cockpit", Map.of("admin", 200, "supervisor1", 200, "supervisor2", 200, "manager1", 200, "owner1", 200), 403,
            user -> webappLogin("cockpit", user)),
        new Row("Admin", Map.of("admin", 200), 403, user -> webappLogin("admin", user)),
        new Row("GET /dashboard/data", Map.of("admin", 200, "supervisor1", 200, "supervisor2", 200, "manager1", 200, "owner1", 200),
            403, user -> send(user, "GET", "/dashboard/data", null, null)),
        new Row("GET /actuator/health", allUsers(200), 200, user -> send(user, "GET", "/actuator/health", null, null)),
        new Row("GET /actuator/metrics", Map.of("admin", 200), 403,
            user -> send(user, "GET", "/actuator/metrics", null, null)),
        new Row("GET /actuator/prometheus", Map.of("admin", 200), 403,
            user -> send(user, "GET", "/actuator/prometheus", null, null)));

    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : rows) {
      expected(row).forEach((user, status) -> cells.add(dynamicTest(row.call() + " · " + user + " → " + status, () -> {
        setClock(TUESDAY_10AM);
        HttpResponse<String> response = row.send().apply(user);
        assertThat(response.statusCode()).as("%s as %s: %s", row.call(), user, abbreviated(response.body()))
            .isEqualTo(status);
      })));
    }
    return cells.stream();
  }

  /** Everyone, anonymous included; wrong credentials are refused even where none are needed. */
  private static Map<String, Integer> allUsers(int status) {
    Map<String, Integer> all = new LinkedHashMap<>();
    USERS.stream().filter(user -> !user.equals(WRONG_PASSWORD)).forEach(user -> all.put(user, status));
    return all;
  }

  private String freshLoanId() {
    return "L-M-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  private String intakeJson(String loanId) {
    return ContractPayload.example(loanId, newPhone()).toString();
  }

  private static String csv(String loanId) {
    return "loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,vehicleStatus,overdueAmount,"
        + "outstandingPrincipal,daysPastDue,priorOverdueCount\n"
        + loanId + ",李四," + newPhone() + ",11010519491231002X,京A12345,LSVAU2180N2183294,NORMAL,8500.00,96000.00,15,1\n";
  }

  private HttpResponse<String> deploy(String user) {
    String key = "accessMatrixProbe" + SEQUENCE.incrementAndGet();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://carloan.example/matrix">
          <bpmn:process id="%s" isExecutable="false" camunda:historyTimeToLive="P1D" />
        </bpmn:definitions>""".formatted(key);
    String boundary = "----access-matrix";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key + ".bpmn\"\r\n"
        + "Content-Type: text/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = send(user, "POST", "/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + boundary, body);
    repository.createDeploymentQuery().deploymentName(key).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    return response;
  }

  /**
   * Signs in to a webapp as Tasklist's login page does (CSRF token from the page, then the login
   * form). Without credentials: the webapp's own API refuses the unauthenticated call.
   */
  private HttpResponse<String> webappLogin(String app, String user) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = exchange(browser, request("/camunda/app/" + app + "/default/").GET().build());
    if (user.equals(ANONYMOUS)) {
      return exchange(browser, request("/camunda/api/engine/engine/default/task/count").GET().build());
    }
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String password = user.equals(WRONG_PASSWORD) ? "wrong" : user;
    String login = user.equals(WRONG_PASSWORD) ? "nobody" : user;
    return exchange(browser, request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build());
  }

  private HttpResponse<String> postJson(String user, String path, String json) {
    return send(user, "POST", path, "application/json", json);
  }

  /** A call with the user's Basic credentials (password = user id), none for the anonymous caller. */
  private HttpResponse<String> send(String user, String method, String path, String contentType, String body) {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (!user.equals(ANONYMOUS)) {
      String credentials = user.equals(WRONG_PASSWORD) ? "nobody:wrong" : user + ":" + user;
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return exchange(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), request.build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviated(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
