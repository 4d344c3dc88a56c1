// Entityflow alerting status page: fetches the API and renders alerts, silences and one chart per
// series (observed hourly counts against the expected band).
(function () {
  'use strict';
  const svgNs = 'http://www.w3.org/2000/svg';

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

  function svg(tag, attrs) {
    const el = document.createElementNS(svgNs, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function chart(points) {
    const w = 280, h = 90;
    const root = svg('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, 'class': 'chart' });
    if (!points.length) return root;
    const max = Math.max(1, ...points.map(function (p) { return Math.max(p.high, p.observed); }));
    const x = function (i) { return points.length === 1 ? 0 : (i * w) / (points.length - 1); };
    const y = function (v) { return h - 4 - (v * (h - 8)) / max; };
    const upper = points.map(function (p, i) { return x(i) + ',' + y(p.high); });
    const lower = points.map(function (p, i) { return x(i) + ',' + y(p.low); }).reverse();
    root.appendChild(svg('polygon', { points: upper.concat(lower).join(' '), 'class': 'band' }));
    root.appendChild(svg('polyline', {
      points: points.map(function (p, i) { return x(i) + ',' + y(p.expected); }).join(' '), 'class': 'expected' }));
    root.appendChild(svg('polyline', {
      points: points.map(function (p, i) { return x(i) + ',' + y(p.observed); }).join(' '), 'class': 'observed' }));
    return root;
  }

  function render(series, alerts, silences) {
    document.getElementById('meta').textContent =
      'evaluated at ' + series.evaluatedAt + ', judged until ' + series.judgedUntil +
      (series.watermark ? ', ingestion watermark ' + series.watermark : ', no pipeline heartbeat') +
      (series.lastError ? ' | last evaluation failed: ' + series.lastError : '');
    const alertBody = document.querySelector('#alerts tbody');
    alertBody.replaceChildren();
    alerts.filter(function (a) { return a.status !== 'RESOLVED'; }).forEach(function (a) {
      alertBody.appendChild(row([a.status, a.condition, a.seriesId, a.summary, a.dedupKey], 'alert ' + a.status));
    });
    if (!alertBody.children.length) alertBody.appendChild(row(['none firing']));
    const silenceBody = document.querySelector('#silences tbody');
    silenceBody.replaceChildren();
    silences.forEach(function (s) {
      silenceBody.appendChild(row([s.matcher, s.endsAt, s.reason, s.createdBy], 'silence'));
    });
    if (!silenceBody.children.length) silenceBody.appendChild(row(['no silences']));
    const grid = document.getElementById('series');
    grid.replaceChildren();
    const order = { SILENT: 0, DROPPED: 1, BELOW_MINIMUM: 2, OK: 3, QUIET: 4, LEARNING: 5 };
    series.series.slice().sort(function (a, b) {
      return (order[a.state] - order[b.state]) || a.seriesId.localeCompare(b.seriesId);
    }).forEach(function (s) {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.series = s.seriesId;
      card.appendChild(text('h3', s.seriesId));
      card.appendChild(text('span', s.state, 'state state-' + s.state));
      card.appendChild(text('span', ' expected ' + Number(s.expectedRate).toFixed(1) + '/h', 'detail'));
      card.appendChild(chart(s.chart || []));
      card.appendChild(text('div', s.detail, 'detail'));
      grid.appendChild(card);
    });
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

  load();
  setInterval(load, 30000);
})();
