package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one case leaves in the database until it waits at its first call, table by table, beside what the
 * engine's floor leaves: one instance of a start → user task process started through the same API.
 */
class CaseFootprintTest extends ProcessTestSupport {

  @Autowired DataSource dataSource;
  @Autowired RepositoryService repository;

  @Test
  void aCaseAtItsFirstCallCarriesOnlyWhatItsModelReads() throws Exception {
    repository.createDeployment().name("footprint-floor").addModelInstance("footprint-floor.bpmn",
        Bpmn.createExecutableProcess("footprintFloor").camundaHistoryTimeToLive(1)
            .startEvent().userTask("floorTask").endEvent().done()).deploy();
    openWeChatCase(); // a first case gives its agent their own row (collection_agent) once; count the second

    Map<String, Long> before = rows();
    var pi = openWeChatCase();
    Map<String, Long> afterCase = rows();
    runtime.startProcessInstanceByKey("footprintFloor");
    Map<String, Long> afterFloor = rows();

    Map<String, Long> caseRows = difference(before, afterCase);
    Map<String, Long> floorRows = difference(afterCase, afterFloor);
    long perCase = caseRows.values().stream().mapToLong(Long::longValue).sum();
    long perFloor = floorRows.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("case footprint at callBorrower: %d rows %s%nfloor instance: %d rows %s%n",
        perCase, caseRows, perFloor, floorRows);
    List<String> variables = new ArrayList<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list().forEach(v -> variables.add(v.getName()));
    System.out.println("case variables: " + variables.size() + " " + variables);

    assertThat(task(pi, "callBorrower")).isNotNull();
    // only what forms, gateways and listeners read; settings and the rest of the intake stay out
    assertThat(variables).containsExactlyInAnyOrder("loanId", "borrowerName", "borrowerPhoneMasked", "overdueAmount",
        "daysPastDue", "amountDue", "wecomState", "team", "caseOwner", "bucket", "riskLevel", "strategy",
        "contactAttempts");
    // history level collections: each step's decisions are kept, the start variables' copies are not
    List<String> details = new ArrayList<>();
    history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list()
        .forEach(d -> details.add(((HistoricVariableUpdate) d).getVariableName()));
    assertThat(details).containsExactlyInAnyOrder("team", "caseOwner", "bucket", "riskLevel", "strategy",
        "contactAttempts");
    assertThat(caseRows).doesNotContainKey("act_hi_identitylink").containsEntry("act_hi_job_log", 1L)
        .containsEntry("act_hi_varinst", (long) variables.size()).containsEntry("act_ru_variable", (long) variables.size());
    // the decisions are all there: overdueStrategy (4 inputs, 2 outputs) and caseAllocation (3 inputs, 1 output)
    assertThat(caseRows).containsEntry("act_hi_decinst", 2L).containsEntry("act_hi_dec_in", 7L)
        .containsEntry("act_hi_dec_out", 3L);
    assertThat(perFloor).isPositive();
  }

  private Map<String, Long> rows() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String t : tables) {
        try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from \"" + t + "\"")) {
          rs.next();
          counts.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach((t, n) -> {
      long delta = n - before.getOrDefault(t, 0L);
      if (delta != 0) {
        d.put(t, delta);
      }
    });
    return d;
  }
}
