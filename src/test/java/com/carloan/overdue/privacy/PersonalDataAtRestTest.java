package com.carloan.overdue.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.CaseIntake;
import com.carloan.overdue.intake.CaseIntakeService;
import com.carloan.overdue.intake.LoanCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Borrowers' numbers and what was said to them are never stored readable: not in any table (Camunda's
 * included), not in the H2 file on disk, not in any process variable.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:file:./target/privacy-h2/${random.uuid}/collections",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000"})
class PersonalDataAtRestTest {

  @Autowired CaseIntakeService intake;
  @Autowired LoanCases cases;
  @Autowired CommunicationLog communications;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void phoneIdNumberChatAndCallNotesAreNowhereInPlainText() throws Exception {
    String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    String idNumber = "11010519491231002X";
    String chatMarker = "CHAT-" + UUID.randomUUID();
    String callMarker = "CALL-" + UUID.randomUUID();
    String loanId = "L-PRIV-" + Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000);

    intake.open(new CaseIntake(loanId, new CaseIntake.Borrower("张三", phone, idNumber),
        new CaseIntake.Vehicle("京A12345", "LSVAU2180N2183294", "NORMAL"), new java.math.BigDecimal("8500.00"),
        new java.math.BigDecimal("96000.00"), 15, 1));
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanId).singleResult();
    management.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .forEach(j -> management.executeJob(j.getId()));
    communications.append(cases.requireActive(loanId), CommunicationLog.Channel.WECHAT, CommunicationLog.Direction.INBOUND,
        "借款人说：" + chatMarker, "agent1");
    var call = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("callBorrower").singleResult();
    identity.setAuthentication("agent1", List.of("collection-agent"));
    try {
      tasks.claim(call.getId(), "agent1");
      tasks.complete(call.getId(), Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "通话：" + callMarker));
    } finally {
      identity.clearAuthentication();
    }

    List<String> secrets = List.of(phone, idNumber, chatMarker, callMarker);
    assertThat(findInTables(secrets)).as("plain text in database tables").isEmpty();
    assertThat(findInDatabaseFile(secrets)).as("plain text in the H2 file").isEmpty();
    for (var v : runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list()) {
      assertThat(String.valueOf(v.getValue())).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(callMarker);
    }
    for (var v : history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()) {
      assertThat(String.valueOf(v.getValue())).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(callMarker);
    }
    // What was said is still there for those allowed to read it.
    assertThat(communications.list(cases.requireActive(loanId).id()))
        .extracting(c -> c.content()).anySatisfy(c -> assertThat(c).contains(chatMarker))
        .anySatisfy(c -> assertThat(c).contains(callMarker));
  }

  private List<String> findInTables(List<String> secrets) {
    List<String> found = new ArrayList<>();
    List<String> tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'",
        String.class);
    assertThat(tables).contains("LOAN_CASE", "COMMUNICATION", "ACT_RU_VARIABLE", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");
    for (String table : tables) {
      jdbc.query("select * from \"" + table + "\"", rs -> {
        int columns = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
          String text = asText(rs.getObject(i));
          if (text != null) {
            for (String secret : secrets) {
              if (text.contains(secret)) {
                found.add(table + "." + rs.getMetaData().getColumnName(i) + " contains " + secret);
              }
            }
          }
        }
      });
    }
    return found;
  }

  private List<String> findInDatabaseFile(List<String> secrets) throws Exception {
    jdbc.execute("checkpoint sync");
    String url = dataSource.getConnection().getMetaData().getURL();
    Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
    assertThat(file).exists();
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (raw.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
        found.add(file + " contains " + secret);
      }
    }
    return found;
  }

  private static String asText(Object value) throws java.sql.SQLException {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    if (value instanceof Clob c) {
      return c.getSubString(1, (int) c.length());
    }
    return null;
  }
}
