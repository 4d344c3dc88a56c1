// Entityflow alerting status page: fetches the API and renders incidents (with their escalation
// history), silences and one chart per series (observed hourly counts against the expected band,
// time axis in UTC). Series still learning without a single event are folded into one line.
//
// Everything is exposed as window.EntityflowStatus: index.html calls start() (load now and every
// 30 s); render(series, alerts, silences) draws given API responses without any request, so a page
// can render fixtures.
(function (global) {
  'use strict';
  const svgNs = 'http://www.w3.org/2000/svg';
  const SEVERITY = { SILENT: 0, DROPPED: 1, BELOW_MINIMUM: 2, OK: 3, QUIET: 4, LEARNING: 5 };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const TICK_STEPS = [1, 2, 3, 6, 12, 24];
  const LEARNING_NAMES_SHOWN = 3;
  // chart geometry (viewBox units): plot area inside the margins
  const W = 320, H = 120, LEFT = 34, RIGHT = 14, TOP = 8, BOTTOM = 18, MIN_TICK_GAP = 34;

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value == null ? '' : String(value);
    if (cls) el.className = cls;
    return el;
  }

  function row(cells, cls) {
    const tr = document.createElement('tr');
    if (cls) tr.className = cls;
    cells.forEach(function (c) { tr.appendChild(text('td', c)); });
    return tr;
  }

  function svg(tag, attrs, content) {
    const el = document.createElementNS(svgNs, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (content != null) el.textContent = content;
    return el;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // "2026-01-19T00:30:00.123Z" -> "2026-01-19 00:30:00 UTC"; anything unreadable is shown as given
  function formatInstant(value) {
    const d = new Date(value);
    if (value == null || isNaN(d.getTime())) return value == null ? '' : String(value);
    return d.toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
  }

  // Label of an hour on the time axis (UTC): "12:00", or the date ("19 Jan") at midnight.
  function hourLabel(date) {
    return date.getUTCHours() === 0
      ? date.getUTCDate() + ' ' + MONTHS[date.getUTCMonth()]
      : pad(date.getUTCHours()) + ':00';
  }

  // Ticks of the time axis: every step hours (the smallest of 1, 2, 3, 6, 12, 24 that keeps
  // labels MIN_TICK_GAP apart), on UTC hours divisible by the step.
  function timeTicks(points, plotWidth) {
    if (points.length < 2) return [];
    const perHour = plotWidth / (points.length - 1);
    const step = TICK_STEPS.find(function (s) { return s * perHour >= MIN_TICK_GAP; }) || 24;
    const ticks = [];
    points.forEach(function (p, i) {
      const d = new Date(p.hour);
      if (!isNaN(d.getTime()) && d.getUTCHours() % step === 0) {
        ticks.push({ index: i, label: hourLabel(d) });
      }
    });
    return ticks;
  }

  function chart(points) {
    const root = svg('svg', { width: '100%', viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart' });
    if (!points.length) return root;
    const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    const max = Math.ceil(Math.max(1, ...points.map(function (p) { return Math.max(p.high, p.observed); })));
    const x = function (i) { return LEFT + (points.length === 1 ? 0 : (i * plotW) / (points.length - 1)); };
    const y = function (v) { return TOP + plotH - (v * plotH) / max; };
    const r = function (v) { return Math.round(v * 10) / 10; };
    root.appendChild(svg('line', { x1: LEFT, y1: TOP, x2: LEFT + plotW, y2: TOP, 'class': 'grid' }));
    root.appendChild(svg('line', { x1: LEFT, y1: TOP + plotH, x2: LEFT + plotW, y2: TOP + plotH, 'class': 'axis' }));
    root.appendChild(svg('text', { x: LEFT - 3, y: TOP + 3, 'text-anchor': 'end', 'class': 'y-max' }, max + '/h'));
    root.appendChild(svg('text', { x: LEFT - 3, y: TOP + plotH + 3, 'text-anchor': 'end', 'class': 'y-zero' }, '0'));
    timeTicks(points, plotW).forEach(function (t) {
      const tx = r(x(t.index));
      root.appendChild(svg('line', { x1: tx, y1: TOP + plotH, x2: tx, y2: TOP + plotH + 3, 'class': 'axis' }));
      root.appendChild(svg('text', { x: tx, y: H - 4, 'text-anchor': 'middle', 'class': 'x-tick' }, t.label));
    });
    const upper = points.map(function (p, i) { return r(x(i)) + ',' + r(y(p.high)); });
    const lower = points.map(function (p, i) { return r(x(i)) + ',' + r(y(p.low)); }).reverse();
    root.appendChild(svg('polygon', { points: upper.concat(lower).join(' '), 'class': 'band' }));
    root.appendChild(svg('polyline', {
      points: points.map(function (p, i) { return r(x(i)) + ',' + r(y(p.expected)); }).join(' '), 'class': 'expected' }));
    root.appendChild(svg('polyline', {
      points: points.map(function (p, i) { return r(x(i)) + ',' + r(y(p.observed)); }).join(' '), 'class': 'observed' }));
    return root;
  }

  function card(s) {
    const el = document.createElement('div');
    el.className = 'card';
    el.dataset.series = s.seriesId;
    el.appendChild(text('h3', s.seriesId));
    el.appendChild(text('span', s.state, 'state state-' + s.state));
    el.appendChild(text('span', ' expected ' + Number(s.expectedRate).toFixed(1) + '/h', 'detail'));
    el.appendChild(chart(s.chart || []));
    el.appendChild(text('div', s.detail, 'detail'));
    return el;
  }

  // A series still learning that has never had an event: nothing to chart.
  function learningWithoutEvents(s) {
    return s.state === 'LEARNING' && !s.lastEventAt && !(s.eventsThisHour > 0) &&
      (s.chart || []).every(function (p) { return !(p.observed > 0); });
  }

  function learningLine(ids) {
    const shown = ids.slice(0, LEARNING_NAMES_SHOWN).join(', ');
    const more = ids.length - LEARNING_NAMES_SHOWN;
    return ids.length + ' series learning, no events yet: ' + shown + (more > 0 ? ' and ' + more + ' more' : '');
  }

  function renderSeries(all) {
    const sorted = all.slice().sort(function (a, b) {
      return ((SEVERITY[a.state] ?? 9) - (SEVERITY[b.state] ?? 9)) || a.seriesId.localeCompare(b.seriesId);
    });
    const shown = sorted.filter(function (s) { return !learningWithoutEvents(s); });
    const folded = sorted.filter(learningWithoutEvents);
    const grid = document.getElementById('series');
    grid.replaceChildren();
    shown.forEach(function (s) { grid.appendChild(card(s)); });
    const fold = document.getElementById('learning');
    fold.hidden = folded.length === 0;
    document.getElementById('learning-summary').textContent =
      learningLine(folded.map(function (s) { return s.seriesId; }));
    const foldedGrid = document.getElementById('learning-series');
    foldedGrid.replaceChildren();
    folded.forEach(function (s) { foldedGrid.appendChild(card(s)); });
    updateToggle(fold);
  }

  function updateToggle(details) {
    details.querySelector('.toggle').textContent = details.open ? '(hide)' : '(show)';
  }

  // One alert: its row, then (when the API gives them) the members of a grouped incident and the
  // escalation history as a small timeline.
  function appendAlert(body, a) {
    const summary = a.status === 'RESOLVED' && a.resolvedSummary ? a.resolvedSummary : a.summary;
    body.appendChild(row([a.status, a.condition, a.seriesId, summary, a.dedupKey], 'alert ' + a.status));
    const members = Array.isArray(a.members) ? a.members : [];
    const history = Array.isArray(a.history) ? a.history : [];
    if (!members.length && !history.length) return;
    const tr = document.createElement('tr');
    tr.className = 'incident';
    tr.appendChild(text('td', ''));
    const td = document.createElement('td');
    td.colSpan = 4;
    if (members.length) {
      td.appendChild(text('div', 'Members (' + members.length + '): ' + members.join(', '), 'members'));
    }
    if (history.length) {
      const timeline = document.createElement('table');
      timeline.className = 'timeline';
      const tbody = document.createElement('tbody');
      history.forEach(function (h) {
        tbody.appendChild(row([formatInstant(h.at), h.kind, h.condition, h.summary], 'event ' + h.kind));
      });
      timeline.appendChild(tbody);
      td.appendChild(timeline);
    }
    tr.appendChild(td);
    tr.appendChild(text('td', ''));
    body.appendChild(tr);
  }

  function renderAlerts(alerts) {
    const active = alerts.filter(function (a) { return a.status !== 'RESOLVED'; });
    const resolved = alerts.filter(function (a) { return a.status === 'RESOLVED'; });
    const alertBody = document.querySelector('#alerts tbody');
    alertBody.replaceChildren();
    active.forEach(function (a) { appendAlert(alertBody, a); });
    if (!active.length) alertBody.appendChild(row(['none firing']));
    const resolvedBody = document.querySelector('#resolved tbody');
    resolvedBody.replaceChildren();
    resolved.forEach(function (a) { appendAlert(resolvedBody, a); });
    const fold = document.getElementById('resolved-incidents');
    fold.hidden = resolved.length === 0;
    document.getElementById('resolved-summary').textContent =
      resolved.length + ' resolved in the last 7 days';
    updateToggle(fold);
  }

  function render(series, alerts, silences) {
    document.getElementById('meta').textContent =
      'evaluated at ' + series.evaluatedAt + ', judged until ' + series.judgedUntil +
      (series.watermark ? ', ingestion watermark ' + series.watermark : ', no pipeline heartbeat') +
      (series.lastError ? ' | last evaluation failed: ' + series.lastError : '');
    renderAlerts(alerts);
    const silenceBody = document.querySelector('#silences tbody');
    silenceBody.replaceChildren();
    silences.forEach(function (s) {
      silenceBody.appendChild(row([s.matcher, s.endsAt, s.reason, s.createdBy], 'silence'));
    });
    if (!silenceBody.children.length) silenceBody.appendChild(row(['no silences']));
    renderSeries(series.series || []);
    document.body.dataset.rendered = 'true';
  }

  function load() {
    Promise.all([
      fetch('/api/series').then(function (r) { return r.json(); }),
      fetch('/api/alerts').then(function (r) { return r.json(); }),
      fetch('/api/silences').then(function (r) { return r.json(); })
    ]).then(function (all) { render(all[0], all[1], all[2]); })
      .catch(function (e) { document.getElementById('meta').textContent = 'cannot load the API: ' + e; });
  }

  function start() {
    load();
    setInterval(load, 30000);
  }

  document.querySelectorAll('details').forEach(function (d) {
    d.addEventListener('toggle', function () { updateToggle(d); });
  });

  global.EntityflowStatus = {
    start: start,
    render: render,
    hourLabel: hourLabel,
    timeTicks: timeTicks,
    formatInstant: formatInstant
  };
})(window);
