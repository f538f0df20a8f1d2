// The collections dashboard: one call to /dashboard/data, each figure drawn as a chart with its
// numbers in a table beside it. Labels come from the server in Chinese and English.
(function () {
  'use strict';

  const COLORS = ['#b5152b', '#2563eb', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569'];
  const OUTCOME_COLORS = { SETTLED: '#059669', LEGAL_CLOSED: '#2563eb', VEHICLE_DISPOSED: '#d97706', WRITTEN_OFF: '#6b7280' };
  const charts = {};
  const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat('zh-CN');
  // A rate is null where nothing was there to count (no case closed, no promise due, no one asked): "—", not 0 %.
  const percent = (r) => (r === null || r === undefined ? '—' : (r * 100).toFixed(1) + '%');
  const both = (zh, en) => zh + ' ' + en;

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart(document.querySelector('#' + id + ' canvas'), config);
  }

  function table(id, head, rows, foot) {
    const cell = (tag) => (v) => '<' + tag + '>' + escape(v) + '</' + tag + '>';
    document.querySelector('#' + id + ' table').innerHTML =
      '<thead><tr>' + head.map(cell('th')).join('') + '</tr></thead>' +
      '<tbody>' + rows.map((r) => '<tr>' + r.map(cell('td')).join('') + '</tr>').join('') + '</tbody>' +
      (foot ? '<tfoot><tr>' + foot.map(cell('td')).join('') + '</tr></tfoot>' : '');
  }

  function escape(v) {
    return String(v).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  }

  function tiles(d) {
    const items = [
      ['在办案件 Open cases', count.format(d.open.cases)],
      ['在办逾期余额 Outstanding', yuan.format(d.open.amountOutstanding)],
      ['近期回收 Recovered (' + d.windowDays + 'd)', yuan.format(d.recovered.amount)],
      ['在办减免 Waived (open cases)', yuan.format(d.open.amountWaived)],
      ['回收率 Recovery rate', percent(d.outcomes.recoveryRate)],
      ['还款计划履约率 Plan kept', percent(d.promises.keptRate)],
      ['承诺还款履约率 Promise-to-pay kept', percent(d.promisesToPay.keptRate)],
      ['企微添加率 WeCom adds', percent(d.contact.rightPartyContactRate)],
      ['未结投诉 Open complaints', count.format(d.complaints.open)],
      ['逾期投诉 Overdue complaints', count.format(d.complaints.overdue)]
    ];
    document.getElementById('tiles').innerHTML = items.map(([label, value]) =>
      '<div class="tile"><div class="label">' + escape(label) + '</div><div class="value">' + escape(value) + '</div></div>').join('');
  }

  function funnel(d) {
    draw('funnel', {
      type: 'bar',
      data: { labels: d.funnel.map((s) => [s.zh, s.en]),
        datasets: [{ label: '案件数 Cases', data: d.funnel.map((s) => s.cases), backgroundColor: COLORS }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { y: { ticks: { autoSkip: false } }, x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('funnel', ['阶段 Stage', '案件 Cases'], d.funnel.map((s) => [both(s.zh, s.en), count.format(s.cases)]),
      ['合计 Total', count.format(d.funnel.reduce((a, s) => a + s.cases, 0))]);
  }

  function outcomes(d) {
    const o = d.outcomes;
    const datasets = o.totals.map((t) => ({
      type: 'bar', label: both(t.zh, t.en), stack: 'closed', yAxisID: 'y',
      backgroundColor: OUTCOME_COLORS[t.outcome] || '#9ca3af',
      data: o.days.map((day) => day.casesByOutcome[t.outcome] || 0)
    }));
    datasets.push({ type: 'line', label: '回收率 Recovery rate', yAxisID: 'rate', borderColor: '#b5152b',
      backgroundColor: '#b5152b', pointRadius: 3, spanGaps: false,
      data: o.days.map((day) => (day.recoveryRate === null ? null : day.recoveryRate * 100)) });
    draw('outcomes', {
      data: { labels: o.days.map((day) => day.date.substring(5)), datasets: datasets },
      options: { scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: '结案数 Cases closed' } },
        rate: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
          title: { display: true, text: '回收率 Recovery % ' } } } }
    });
    table('outcomes', ['结果 Outcome', '案件 Cases', '应收 Due', '已回收 Repaid'],
      o.totals.map((t) => [both(t.zh, t.en), count.format(t.cases), yuan.format(t.amountDue), yuan.format(t.amountRepaid)]),
      ['合计 Total · 回收率 ' + percent(o.recoveryRate), count.format(o.cases), yuan.format(o.amountDue), yuan.format(o.amountRepaid)]);
  }

  function promises(d) {
    const p = d.promises;
    draw('promises', {
      type: 'doughnut',
      data: { labels: ['履约 Kept', '违约 Broken'],
        datasets: [{ data: [p.kept, p.broken], backgroundColor: ['#059669', '#b5152b'] }] },
      options: { plugins: { legend: { position: 'bottom' } } }
    });
    table('promises', ['还款计划 Repayment plans', d.windowDays + ' 天 days'], [
      ['新达成 Agreed', count.format(p.made)], ['履约 Kept', count.format(p.kept)], ['违约 Broken', count.format(p.broken)]
    ], ['履约率 Kept rate', percent(p.keptRate)]);
  }

  function contact(d) {
    const c = d.contact;
    draw('contact', {
      type: 'doughnut',
      data: { labels: ['已添加 Added', '未添加 Not added'],
        datasets: [{ data: [c.adds, Math.max(c.casesAsked - c.adds, 0)], backgroundColor: ['#2563eb', '#d1d5db'] }] },
      options: { plugins: { legend: { position: 'bottom' } } }
    });
    table('contact', ['企业微信 WeCom', d.windowDays + ' 天 days'], [
      ['邀请短信 Requests sent', count.format(c.requests)], ['邀请案件 Cases asked', count.format(c.casesAsked)],
      ['已添加 Added', count.format(c.adds)]
    ], ['添加率 Rate', percent(c.rightPartyContactRate)]);
  }

  function escalations(d) {
    const rows = d.escalations.slice().sort((a, b) => b.escalations - a.escalations);
    draw('escalations', {
      type: 'bar',
      data: { labels: rows.map((r) => [r.zh, r.en]),
        datasets: [{ label: '升级次数 Escalations', data: rows.map((r) => r.escalations), backgroundColor: '#d97706' }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { y: { ticks: { autoSkip: false } }, x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('escalations', ['原因 Reason', '次数 Escalations'], rows.map((r) => [both(r.zh, r.en), count.format(r.escalations)]),
      ['合计 Total', count.format(rows.reduce((a, r) => a + r.escalations, 0))]);
  }

  function queues(d) {
    draw('queues', {
      type: 'bar',
      data: { labels: d.queues.map((q) => q.name),
        datasets: [
          { label: '待办 Open', data: d.queues.map((q) => q.open), backgroundColor: '#2563eb' },
          { label: '未认领 Unclaimed', data: d.queues.map((q) => q.unassigned), backgroundColor: '#93c5fd' },
          { label: '超时 Past deadline', data: d.queues.map((q) => q.pastDeadline), backgroundColor: '#b5152b' }] },
      options: { plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('queues', ['队列 Queue', '待办 Open', '未认领 Unclaimed', '超时 Past deadline', '跟进到期 Follow-up due'],
      d.queues.map((q) => [q.name, count.format(q.open), count.format(q.unassigned), count.format(q.pastDeadline),
        count.format(q.followUpDue)]));
  }

  // Promises to pay decided in the window: "kept / decided · rate", or "—" when none was decided.
  const kept = (p) => (p.keptRate === null ? '—'
    : count.format(p.kept) + ' / ' + count.format(p.kept + p.broken) + ' · ' + percent(p.keptRate));

  function teams(d) {
    const rows = [];
    d.teams.forEach((t) => {
      rows.push([both(t.zh, t.en), count.format(t.openCases), count.format(t.pooled), yuan.format(t.amountDue),
        yuan.format(t.amountOutstanding), '', kept(t.promisesToPay)]);
      t.agents.forEach((a) => rows.push(['\u00a0\u00a0' + a.agent, count.format(a.openCases), '',
        yuan.format(a.amountDue), yuan.format(a.amountOutstanding), yuan.format(a.recoveredThisMonth),
        kept(a.promisesToPay)]));
    });
    table('teams', ['团队 / 催收员 Team / agent', '在办 Open', '待分配 Pooled', '应收 Due', '未还 Outstanding',
      '本月回收 Recovered this month', '承诺还款履约 (' + d.windowDays + 'd) Promises to pay kept'], rows);
  }

  function rollRates(d) {
    const transitions = d.rollRates.length ? d.rollRates[0].transitions : [];
    table('rollRates', ['月份 Month'].concat(transitions.map((t) => t.from + '→' + t.to)),
      d.rollRates.map((m) => [m.month].concat(m.transitions.map((t) =>
        t.rate === null ? '—' : count.format(t.moved) + ' / ' + count.format(t.inFromBucket) + ' · ' + percent(t.rate)))));
  }

  async function load() {
    const error = document.getElementById('error');
    try {
      const response = await fetch('/dashboard/data', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const d = await response.json();
      document.querySelectorAll('.days').forEach((e) => { e.textContent = d.windowDays; });
      document.getElementById('generated').textContent =
        '更新于 Updated ' + new Date(d.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      tiles(d); funnel(d); outcomes(d); promises(d); contact(d); escalations(d); queues(d); teams(d); rollRates(d);
      error.hidden = true;
      document.body.dataset.loaded = 'true';
    } catch (e) {
      error.textContent = '数据加载失败 Could not load the figures: ' + e.message;
      error.hidden = false;
    }
  }

  load();
  setInterval(load, 60000);
})();
