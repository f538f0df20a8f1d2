package com.carloan.overdue.operations;

import com.carloan.overdue.allocation.Bucket;
import com.carloan.overdue.common.BusinessClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Roll rates (迁徙率) of the last {@link #MONTHS} business months (Asia/Shanghai), the current one included, for
 * M1→M2, M2→M3 and M3→M3PLUS, from the bucket moves recorded in {@code ownership_event}.
 *
 * <p>For a month and a transition from bucket B:
 * <ul>
 *   <li><b>moved</b>: cases with a bucket move out of B during the month;</li>
 *   <li><b>in from-bucket</b> (the denominator): cases that were in B at some time in the month, i.e. in B at
 *       its start plus those that entered B during it. A case enters B by the event that placed it there
 *       ({@code to_bucket} = B: its first placement or a bucket move); it counts unless it moved out of B or
 *       closed before the month began;</li>
 *   <li><b>rate</b> = moved / in from-bucket; null (the page's "—") when no case was in B that month.</li>
 * </ul>
 * Each is one grouped query over all months. Rates change slowly: cached for
 * {@code collections.operations.roll-rate-cache}.
 */
@Component
class RollRates {

  static final int MONTHS = 6;
  /** A bucket move: from a bucket to the next one (M1→M2, M2→M3, M3→M3PLUS). */
  record Transition(String from, String to) {
  }

  static final List<Transition> TRANSITIONS = Arrays.stream(Bucket.values())
      .flatMap(b -> b.next().map(next -> new Transition(b.name(), next.name())).stream()).toList();

  private final JdbcTemplate jdbc;
  private final BusinessClock clock;
  private final Cached<List<DashboardData.RollRateMonth>> cached;

  RollRates(JdbcTemplate jdbc, BusinessClock clock, OperationsSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cached = new Cached<>("roll-rates", settings.rollRateCache(), this::compute);
  }

  static String key(String from, String to) {
    return from + "/" + to;
  }

  List<DashboardData.RollRateMonth> current() {
    return cached.get();
  }

  List<DashboardData.RollRateMonth> refresh() {
    return cached.refresh();
  }

  private List<DashboardData.RollRateMonth> compute() {
    YearMonth thisMonth = YearMonth.from(clock.today());
    List<YearMonth> months = new ArrayList<>();
    List<Object> bounds = new ArrayList<>();
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < MONTHS; k++) {
      YearMonth month = thisMonth.minusMonths(MONTHS - 1 - k);
      months.add(month);
      values.append(k == 0 ? "" : ", ").append("(").append(k)
          .append(", cast(? as timestamp with time zone), cast(? as timestamp with time zone))");
      bounds.add(start(month.atDay(1)));
      bounds.add(start(month.plusMonths(1).atDay(1)));
    }
    String monthTable = "(values " + values + ") m (k, s, e)";
    Map<String, Long> inBucket = counts("select m.k, en.to_bucket, count(distinct en.case_id) from " + monthTable
        + " join ownership_event en on en.to_bucket in ('M1', 'M2', 'M3') and en.at < m.e "
        + "join case_ownership o on o.case_id = en.case_id "
        + "where (o.closed_at is null or o.closed_at >= m.s) and not exists (select 1 from ownership_event x "
        + "where x.case_id = en.case_id and x.kind = 'BUCKET_MOVED' and x.from_bucket = en.to_bucket and x.at < m.s) "
        + "group by m.k, en.to_bucket", bounds);
    Map<String, Long> moved = counts("select m.k, ev.from_bucket, count(distinct ev.case_id) from " + monthTable
        + " join ownership_event ev on ev.kind = 'BUCKET_MOVED' and ev.at >= m.s and ev.at < m.e "
        + "group by m.k, ev.from_bucket", bounds);
    List<DashboardData.RollRateMonth> rows = new ArrayList<>();
    for (int k = 0; k < MONTHS; k++) {
      List<DashboardData.Roll> rolls = new ArrayList<>();
      for (Transition t : TRANSITIONS) {
        long in = inBucket.getOrDefault(k + "/" + t.from(), 0L);
        long out = moved.getOrDefault(k + "/" + t.from(), 0L);
        rolls.add(new DashboardData.Roll(t.from(), t.to(), in, out, in == 0 ? null : (double) out / in));
      }
      rows.add(new DashboardData.RollRateMonth(months.get(k).toString(), rolls));
    }
    return rows;
  }

  private Map<String, Long> counts(String sql, List<Object> bounds) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, rs -> {
      counts.put(rs.getInt(1) + "/" + rs.getString(2), rs.getLong(3));
    }, bounds.toArray());
    return counts;
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(BusinessClock.ZONE).toInstant());
  }
}
