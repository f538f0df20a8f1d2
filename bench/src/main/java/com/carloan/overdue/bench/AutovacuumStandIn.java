package com.carloan.overdue.bench;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Does autovacuum's work where a PostgreSQL server has it switched off (this benchmark machine's has):
 * without statistics the planner takes a table filled a minute ago for empty and picks nested loops
 * that cost seconds at 50,000 tasks; no production server runs like that. Every minute (autovacuum's
 * naptime) it analyzes and vacuums the tables autovacuum would, by autovacuum's own thresholds. Nothing
 * happens on H2 (which analyzes by itself) or where autovacuum is on.
 */
@Component
@Profile("bench")
class AutovacuumStandIn {

  private static final Logger log = LoggerFactory.getLogger(AutovacuumStandIn.class);

  private final JdbcTemplate jdbc;
  private Boolean needed;

  AutovacuumStandIn(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(initialDelayString = "PT60S", fixedDelayString = "PT60S")
  void run() {
    if (!needed()) {
      return;
    }
    Map<String, Object> settings = Map.of(
        "analyzeThreshold", setting("autovacuum_analyze_threshold"),
        "analyzeScale", setting("autovacuum_analyze_scale_factor"),
        "insertThreshold", setting("autovacuum_vacuum_insert_threshold"),
        "insertScale", setting("autovacuum_vacuum_insert_scale_factor"),
        "vacuumThreshold", setting("autovacuum_vacuum_threshold"),
        "vacuumScale", setting("autovacuum_vacuum_scale_factor"));
    List<Map<String, Object>> tables = jdbc.queryForList("select s.relname, c.reltuples, s.n_mod_since_analyze, "
        + "s.n_ins_since_vacuum, s.n_dead_tup from pg_stat_user_tables s join pg_class c on c.oid = s.relid "
        + "where s.schemaname = current_schema()");
    for (Map<String, Object> t : tables) {
      double rows = Math.max(0, ((Number) t.get("reltuples")).doubleValue());
      String table = (String) t.get("relname");
      boolean vacuum = number(t, "n_dead_tup") > limit(settings, "vacuum", rows)
          || number(t, "n_ins_since_vacuum") > limit(settings, "insert", rows);
      boolean analyze = number(t, "n_mod_since_analyze") > limit(settings, "analyze", rows);
      if (vacuum || analyze) {
        long t0 = System.nanoTime();
        jdbc.execute((vacuum ? "vacuum " : "") + (analyze ? "analyze " : "") + "\"" + table + "\"");
        log.info("Stand-in for autovacuum: {}{}{} in {} ms", vacuum ? "vacuum " : "", analyze ? "analyze " : "", table,
            (System.nanoTime() - t0) / 1_000_000);
      }
    }
  }

  private boolean needed() {
    if (needed == null) {
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      needed = "PostgreSQL".equals(product) && "off".equals(jdbc.queryForObject("show autovacuum", String.class));
      if (needed) {
        log.warn("Autovacuum is off on this PostgreSQL server; the bench profile analyzes and vacuums in its place");
      }
    }
    return needed;
  }

  private double setting(String name) {
    return Double.parseDouble(jdbc.queryForObject("select setting from pg_settings where name = ?", String.class, name));
  }

  private static double limit(Map<String, Object> settings, String kind, double rows) {
    return (Double) settings.get(kind + "Threshold") + (Double) settings.get(kind + "Scale") * rows;
  }

  private static long number(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
