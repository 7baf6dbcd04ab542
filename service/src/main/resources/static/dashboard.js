/*
 * Donut-States ops dashboard. Plain JavaScript, no build step, no third-party code.
 * Polls the shop's own API about once a second (paused while the tab is hidden) and puts every
 * server string into the page with textContent only.
 */
(() => {
  'use strict';

  const POLL_MS = 1000;
  const DLQ_REFRESH_MS = 15000; // listing the dead letters receives them: look only now and then
  const REQUEST_TIMEOUT_MS = 5000;
  const RECENT_DONE_MS = 60000;
  const ANSWER_SHOWN_MS = 30000;
  const TOKEN_KEY = 'donut-states.admin-token';
  const STAGES = ['REQUESTED', 'ORDERED', 'DELIVERED'];

  const $ = (id) => document.getElementById(id);

  /** Creates an element; text always goes in through textContent. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const state = {
    timer: null,
    polling: false,
    pollAgain: false,
    products: new Map(),      // sku -> {node, parts, scale}
    answers: new Map(),       // sku -> {kind, text}
    dlqDepth: null,
    factoryWaiting: 0,      // replenishments whose factory does not take their order
    dlqFetchedAt: 0,
    dlqFetchedDepth: null,
    dlqKey: '',
    alertsKey: '',
    summaryMissing: false,
    lastOk: 0,
  };

  // ---------------------------------------------------------------- HTTP

  async function call(method, path, body, headers) {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    const init = { method, headers: Object.assign({ Accept: 'application/json' }, headers || {}), signal: controller.signal, cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      const response = await fetch(path, init);
      const type = response.headers.get('Content-Type') || '';
      let data = null;
      if (type.includes('json')) {
        try { data = await response.json(); } catch (e) { data = null; }
      } else {
        data = await response.text();
      }
      return { status: response.status, data };
    } catch (e) {
      return { status: 0, data: null, error: e.name === 'AbortError' ? 'timed out' : 'network error' };
    } finally {
      clearTimeout(timeout);
    }
  }

  function messageOf(answer) {
    if (answer.error) return answer.error;
    const d = answer.data;
    if (d && typeof d === 'object' && d.message) return String(d.message);
    return 'HTTP ' + answer.status;
  }

  // ---------------------------------------------------------------- admin token

  const token = {
    get() {
      try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
    },
    set(value) {
      try { sessionStorage.setItem(TOKEN_KEY, value); } catch (e) { /* private mode: keep nothing */ }
      showAdminState();
    },
    clear() {
      try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
      showAdminState();
    },
    /** Forgets the token only if it is still the one that was refused (another may have been entered since). */
    refused(used) {
      if (this.get() === used) this.clear();
    },
  };

  let pendingAsk = null;

  /** Opens the token dialog; resolves with the token, or null when the operator cancels. */
  function askToken(why) {
    if (pendingAsk) return pendingAsk;
    const dialog = $('token-dialog');
    const input = $('token-input');
    const error = $('token-error');
    error.hidden = !why;
    error.textContent = why || '';
    input.value = '';
    pendingAsk = new Promise((resolve) => {
      const done = (value) => {
        $('token-form').removeEventListener('submit', onSubmit);
        $('token-cancel').removeEventListener('click', onCancel);
        dialog.removeEventListener('cancel', onCancel);
        if (dialog.open) dialog.close();
        pendingAsk = null;
        resolve(value);
      };
      const onSubmit = (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (!value) return;
        token.set(value);
        done(value);
      };
      const onCancel = (event) => {
        event.preventDefault();
        done(null);
      };
      $('token-form').addEventListener('submit', onSubmit);
      $('token-cancel').addEventListener('click', onCancel);
      dialog.addEventListener('cancel', onCancel);
    });
    if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    input.focus();
    return pendingAsk;
  }

  /** An admin call: asks for the token once; a 401 forgets it and asks again. */
  async function adminCall(method, path) {
    let why = null;
    for (;;) {
      let current = token.get();
      if (!current) {
        current = await askToken(why);
        if (!current) return null;
      }
      const answer = await call(method, path, undefined, { Authorization: 'Bearer ' + current });
      if (answer.status !== 401) return answer;
      token.refused(current);
      why = 'That token was refused: ' + messageOf(answer);
    }
  }

  function showAdminState() {
    const unlocked = !!token.get();
    const button = $('admin-button');
    button.replaceChildren(lockIcon(unlocked), document.createTextNode(unlocked ? 'Admin unlocked' : 'Admin'));
    button.title = unlocked ? 'Admin token kept in this tab; click to forget it' : 'Enter the admin token for dead-letter actions';
    button.setAttribute('aria-pressed', unlocked ? 'true' : 'false');
    state.dlqFetchedAt = 0;
    renderDeadLetters();
  }

  function lockIcon(open) {
    const icon = svg('svg', { viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true', class: 'icon' });
    icon.append(svg('rect', { x: 2.5, y: 7, width: 11, height: 8, rx: 2, fill: 'currentColor' }),
      svg('path', { d: open ? 'M5 7V4.8a3 3 0 0 1 5.8-1.1' : 'M5 7V4.8a3 3 0 0 1 6 0V7',
        fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6, 'stroke-linecap': 'round' }));
    return icon;
  }

  // ---------------------------------------------------------------- time

  function ms(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : t;
  }

  function duration(millis) {
    const s = Math.max(0, millis) / 1000;
    if (s < 10) return s.toFixed(1) + ' s';
    if (s < 90) return Math.round(s) + ' s';
    if (s < 5400) return Math.round(s / 60) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }

  function ago(iso) {
    const t = ms(iso);
    return t === null ? '' : duration(Date.now() - t) + ' ago';
  }

  function clock(iso) {
    const t = ms(iso);
    return t === null ? '' : new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function shortId(id) {
    return id ? String(id).slice(0, 8) : '';
  }

  const money = new Intl.NumberFormat(undefined);

  function toast(text, kind) {
    const node = el('div', 'toast' + (kind ? ' ' + kind : ''), text);
    $('toasts').append(node);
    setTimeout(() => node.remove(), 4500);
  }

  // ---------------------------------------------------------------- products

  function renderProducts(products) {
    const list = $('products');
    $('products-empty').hidden = products.length > 0;
    const seen = new Set();
    products.forEach((p, index) => {
      seen.add(p.sku);
      let entry = state.products.get(p.sku);
      if (!entry) {
        entry = buildProduct(p.sku);
        state.products.set(p.sku, entry);
      }
      updateProduct(entry, p);
      if (list.children[index] !== entry.node) list.insertBefore(entry.node, list.children[index] || null);
    });
    for (const [sku, entry] of state.products) {
      if (!seen.has(sku)) {
        entry.node.remove();
        state.products.delete(sku);
      }
    }
  }

  function buildProduct(sku) {
    const node = el('li', 'product');
    node.dataset.sku = sku;
    const title = el('div', 'product-title');
    const name = el('div', 'product-name');
    const meta = el('div', 'product-meta');
    title.append(name, meta);
    const buy = el('button', 'buy', 'Buy');
    buy.type = 'button';
    buy.addEventListener('click', () => buyOne(sku, buy));
    const barRow = el('div', 'bar-row');
    const bar = el('div', 'bar');
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-valuemin', '0');
    const fill = el('div', 'bar-fill');
    const mark = el('div', 'bar-mark');
    bar.append(fill, mark);
    const number = el('div', 'stock-number');
    barRow.append(bar, number);
    const answer = el('p', 'answer');
    answer.hidden = true;
    answer.setAttribute('aria-live', 'polite');
    node.append(title, buy, barRow, answer);
    return { node, name, meta, buy, bar, fill, mark, number, answer, scale: 1 };
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  /** "3 waiting · oldest 2 min", or null when no buyer waits for the product. */
  function waitingText(b) {
    const n = Number(b && b.waiting) || 0;
    if (n <= 0) return null;
    const since = ms(b.oldestSince);
    return n + ' waiting' + (since === null ? '' : ' · oldest ' + duration(Date.now() - since));
  }

  function updateProduct(entry, p) {
    const full = Math.max(1, p.stock, (p.reorderPoint || 0) + (p.reorderQuantity || 0), entry.scale);
    entry.scale = full;
    entry.node.dataset.stock = String(p.stock);
    entry.node.classList.toggle('empty-shelf', p.stock <= 0);
    entry.node.classList.toggle('low', p.stock > 0 && p.stock <= p.reorderPoint);
    entry.name.textContent = p.name;
    entry.meta.replaceChildren(el('span', null, p.sku), document.createTextNode(' · '),
      el('span', null, '₩' + money.format(p.price)), document.createTextNode(' · '), el('span', null, p.factoryId));
    // Waiting buyers show inline, on the meta line, so that their coming and going moves nothing.
    const waiting = waitingText(p.backorders);
    entry.node.dataset.waiting = String(waiting ? Number(p.backorders.waiting) : 0);
    if (waiting) {
      const badge = el('span', 'badge waiting', waiting);
      const donuts = Number(p.backorders.waitingDonuts) || 0;
      badge.title = plural(Number(p.backorders.waiting), 'backorder waits', 'backorders wait') + ' for '
        + plural(donuts, 'donut', 'donuts') + ' from the next delivery'
        + (p.backorders.oldestSince ? '; the oldest since ' + clock(p.backorders.oldestSince) : '');
      entry.meta.append(document.createTextNode(' · '), badge);
    }
    entry.fill.style.width = (100 * Math.min(p.stock, full) / full).toFixed(1) + '%';
    entry.mark.style.left = (100 * Math.min(p.reorderPoint, full) / full).toFixed(1) + '%';
    entry.mark.title = 'reorder point ' + p.reorderPoint + ' (reorders ' + p.reorderQuantity + ')';
    entry.bar.setAttribute('aria-valuemax', String(full));
    entry.bar.setAttribute('aria-valuenow', String(p.stock));
    entry.bar.setAttribute('aria-label', p.name + ' stock ' + p.stock + ', reorder point ' + p.reorderPoint);
    entry.number.replaceChildren(document.createTextNode(String(p.stock) + ' '), el('small', null, 'left'));
    let said = state.answers.get(p.sku);
    if (said && Date.now() - said.at > ANSWER_SHOWN_MS) {
      state.answers.delete(p.sku);
      said = null;
    }
    entry.answer.hidden = !said;
    if (said) {
      entry.answer.className = 'answer ' + said.kind;
      entry.answer.textContent = said.text;
    }
  }

  async function buyOne(sku, button) {
    button.disabled = true;
    try {
      const answer = await call('POST', 'api/sales', { sku, quantity: 1 });
      const d = answer.data && typeof answer.data === 'object' ? answer.data : {};
      let said;
      if (answer.status === 201) {
        said = { kind: 'sold', text: 'Sold 1 · ' + d.remainingStock + ' left' };
      } else if (answer.status === 409 && d.status === 'OUT_OF_STOCK') {
        const r = d.replenishment;
        let text = 'Out of stock (' + (d.available ?? 0) + ' available).';
        if (r) {
          text += ' Replenishment ' + shortId(r.id) + ' ' + String(r.status || '').toLowerCase()
            + ': ' + r.quantity + ' on the way.';
        }
        said = { kind: 'refused', text };
      } else {
        said = { kind: 'failed', text: 'Not sold: ' + messageOf(answer) };
      }
      said.at = Date.now();
      state.answers.set(sku, said);
      const entry = state.products.get(sku);
      if (entry) {
        entry.answer.hidden = false;
        entry.answer.className = 'answer ' + said.kind;
        entry.answer.textContent = said.text;
      }
      pollNow();
    } finally {
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- summary: queues, counts, chart, alerts

  function renderSummary(summary) {
    const queues = summary && summary.queues ? summary.queues : {};
    const stock = queues.stockQueue || {};
    const dead = queues.deadLetterQueue || {};
    const stockDepth = Number(stock.depth ?? 0);
    const deadDepth = Number(dead.depth ?? 0);
    $('stock-depth').textContent = String(stockDepth);
    $('stock-age').textContent = stockAgeText(stockDepth, stock);
    $('queue-stock').classList.toggle('busy', stockDepth > 0);
    $('dlq-depth').textContent = String(deadDepth);
    $('dlq-note').textContent = deadDepth > 0 ? 'needs a look' : 'clear';
    $('queue-dlq').classList.toggle('hot', deadDepth > 0);
    if (state.dlqDepth !== deadDepth) {
      state.dlqDepth = deadDepth;
      renderDeadLetters();
    }

    const counts = $('repl-counts');
    const byStatus = summary.replenishments || {};
    counts.replaceChildren(...['REQUESTED', 'ORDERED', 'DELIVERED', 'FAILED'].map((s) =>
      el('span', 'badge ' + s, s.toLowerCase() + ' ' + Number(byStatus[s] ?? 0)
        + (s === 'DELIVERED' || s === 'FAILED' ? ' (24 h)' : ''))));

    drawSales(Array.isArray(summary.salesPerSecond) ? summary.salesPerSecond.map(Number) : []);
    renderAlerts(Array.isArray(summary.alerts) ? summary.alerts : []);
  }

  function summaryUnavailable(answer) {
    if (!state.summaryMissing) {
      state.summaryMissing = true;
      $('stock-depth').textContent = '–';
      $('dlq-depth').textContent = '–';
      $('stock-age').textContent = answer.status === 404 ? 'no ops summary on this server' : 'unavailable';
      $('dlq-note').textContent = ' ';
    }
  }

  const SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  function drawSales(series) {
    const chart = $('sales-chart');
    const values = series.slice(-60);
    while (values.length < 60) values.unshift(0);
    const width = 300;
    const height = 90;
    const slot = width / values.length;
    const peak = Math.max(...values, 0);
    const top = Math.max(peak, 4);
    const nodes = [svg('line', { class: 'guide', x1: 0, x2: width, y1: 4, y2: 4 })];
    values.forEach((v, i) => {
      if (v <= 0) return;
      const h = Math.max(1.5, (height - 6) * v / top);
      const bar = svg('rect', {
        class: 'bar-s' + (i === values.length - 1 ? ' now' : ''),
        x: (i * slot + slot * 0.12).toFixed(2), width: (slot * 0.76).toFixed(2),
        y: (height - h).toFixed(2), height: h.toFixed(2), rx: 1,
      });
      const tip = svg('title', {});
      tip.textContent = v + ' sales, ' + (values.length - 1 - i) + ' s ago';
      bar.append(tip);
      nodes.push(bar);
    });
    nodes.push(svg('line', { class: 'base', x1: 0, x2: width, y1: height - 0.5, y2: height - 0.5 }));
    chart.replaceChildren(...nodes);
    const lastFull = values[values.length - 2] || 0;
    const perMinute = values.reduce((a, b) => a + b, 0);
    $('sales-now').replaceChildren(document.createTextNode(String(lastFull)), el('small', null, ' /s'));
    $('sales-peak').textContent = 'peak ' + peak + '/s · ' + perMinute + ' in the last minute';
  }

  function renderAlerts(alerts) {
    const key = JSON.stringify(alerts);
    const list = $('alerts');
    $('alerts-empty').hidden = alerts.length > 0;
    if (key === state.alertsKey) {
      // only the ages move
      list.querySelectorAll('[data-at]').forEach((n) => { n.textContent = ago(n.dataset.at); });
      return;
    }
    state.alertsKey = key;
    list.replaceChildren(...alerts.slice(0, 20).map((a) => {
      const li = el('li');
      const head = el('div', 'row-head');
      const title = el('span', 'row-title');
      title.append(el('span', 'badge ' + String(a.kind || ''), String(a.kind || 'ALERT').replace(/_/g, ' ').toLowerCase()),
        document.createTextNode(' ' + [a.product, a.sku].filter(Boolean).join(' · ')));
      const when = el('span', 'row-meta', ago(a.at));
      when.dataset.at = a.at || '';
      when.title = a.at || '';
      head.append(title, when);
      li.append(head);
      const meta = [a.factoryId, a.replenishmentId ? 'replenishment ' + shortId(a.replenishmentId) : null].filter(Boolean).join(' · ');
      if (meta) li.append(el('div', 'row-meta', meta));
      if (a.reason) li.append(el('p', 'row-text', a.reason));
      if (a.lastError && a.lastError !== a.reason) li.append(el('p', 'row-text error', a.lastError));
      return li;
    }));
  }

  // ---------------------------------------------------------------- replenishments

  // The queue is not "flowing" while replenishments wait for a factory that does not take orders.
  function stockAgeText(stockDepth, stock) {
    if (state.factoryWaiting > 0) return state.factoryWaiting + ' waiting for the factory';
    return stockDepth > 0 && stock.oldestMessageAgeSeconds !== undefined
      ? 'oldest ' + duration(Number(stock.oldestMessageAgeSeconds) * 1000) : 'flowing';
  }

  function waitingForFactory(r) {
    return r.status === 'REQUESTED' && Boolean(r.waitingForFactorySince);
  }

  function renderReplenishments(list) {
    const now = Date.now();
    const waiting = list.filter(waitingForFactory).length;
    if (state.factoryWaiting !== waiting) {
      state.factoryWaiting = waiting;
      if (waiting > 0) $('stock-age').textContent = stockAgeText(0, {});
    }
    const active = list.filter((r) => {
      if (r.status === 'REQUESTED' || r.status === 'ORDERED') return true;
      const end = ms(r.deliveredAt || r.failedAt);
      return end !== null && now - end < RECENT_DONE_MS;
    });
    $('active-empty').hidden = active.length > 0;
    $('active').replaceChildren(...active.map(stepperCard));

    $('history').tBodies[0].replaceChildren(...list.map((r) => {
      const tr = el('tr');
      tr.dataset.id = r.id;
      tr.dataset.status = r.status;
      tr.dataset.sku = r.sku;
      const status = el('td');
      status.dataset.label = 'status';
      status.append(el('span', 'badge ' + r.status, String(r.status).toLowerCase()));
      const qty = r.deliveredQuantity ?? r.quantity;
      const cells = [
        cell('sku', r.sku),
        cell('qty', qty),
        status,
        cell('served', servedText(r)),
        cell('tries', r.attempts + (r.reorders ? ' (+' + r.reorders + ' reorders)' : '')),
        cell('requested', clock(r.requestedAt)),
        cell('took', took(r)),
        cell('error', r.lastError || ''),
      ];
      cells[cells.length - 1].classList.add('err');
      tr.append(...cells);
      return tr;
    }));
  }

  function cell(label, text) {
    const td = el('td', null, text);
    td.dataset.label = label;
    return td;
  }

  /** What a delivery gave to waiting buyers: "12 backorders (30 donuts)", or '' when it served none. */
  function servedText(r) {
    const n = Number(r.fulfilledBackorders) || 0;
    if (n <= 0) return '';
    return plural(n, 'backorder', 'backorders') + ' (' + plural(Number(r.fulfilledDonuts) || 0, 'donut', 'donuts') + ')';
  }

  function took(r) {
    const start = ms(r.requestedAt);
    const end = ms(r.deliveredAt || r.failedAt);
    if (start === null) return '';
    return end === null ? 'for ' + duration(Date.now() - start) : duration(end - start);
  }

  function stepperCard(r) {
    const li = el('li', 'repl');
    li.dataset.id = r.id;
    li.dataset.status = r.status;
    const head = el('div', 'repl-head');
    const title = el('span', 'repl-sku', r.sku + ' ×' + (r.deliveredQuantity ?? r.quantity));
    const age = el('span', 'repl-age', r.status === 'DELIVERED' ? 'delivered in ' + took(r)
      : r.status === 'FAILED' ? 'failed after ' + took(r) : 'age ' + took(r).replace(/^for /, ''));
    head.append(title, age);
    const served = servedText(r);
    const meta = el('div', 'row-meta', 'replenishment ' + shortId(r.id) + ' · ' + (r.factoryId || '')
      + ' · attempt ' + r.attempts + (r.reorders ? ' · reordered ' + r.reorders + '×' : '')
      + (served ? ' · delivered ' + r.deliveredQuantity + ' · ' + served + ' served' : ''));
    if (served) meta.classList.add('served');
    const steps = el('ol', 'stepper');
    steps.setAttribute('aria-label', 'stage ' + String(r.status).toLowerCase());
    const reached = r.status === 'FAILED' ? (r.orderedAt ? 2 : 1) : STAGES.indexOf(r.status) + 1;
    STAGES.forEach((stage, i) => {
      const failedHere = r.status === 'FAILED' && i === 2;
      const label = failedHere ? 'failed' : stage.toLowerCase();
      let cls = 'step';
      if (failedHere) cls += ' failed';
      else if (i < reached) cls += ' done';
      else if (i === reached && r.status !== 'FAILED') cls += ' current';
      const step = el('li', cls, label);
      if (i === 0) step.title = clock(r.requestedAt);
      if (i === 1 && r.orderedAt) step.title = clock(r.orderedAt);
      if (i === 2 && (r.deliveredAt || r.failedAt)) step.title = clock(r.deliveredAt || r.failedAt);
      steps.append(step);
    });
    li.append(head, meta, steps);
    if (waitingForFactory(r)) {
      li.append(el('p', 'repl-waiting', 'waiting for the factory since ' + clock(r.waitingForFactorySince)));
    }
    if (r.lastError) li.append(el('p', 'repl-error', r.lastError));
    return li;
  }

  // ---------------------------------------------------------------- dead letters

  let dlqItems = [];
  let dlqProblem = null;

  function renderDeadLetters() {
    const depth = state.dlqDepth || 0;
    const unlocked = !!token.get();
    $('dlq-locked').hidden = unlocked || depth === 0;
    const items = unlocked ? dlqItems : [];
    $('dlq-empty').hidden = depth > 0 || items.length > 0;
    $('redrive-all').hidden = !unlocked || items.length === 0;
    const key = JSON.stringify([unlocked, items, dlqProblem]);
    if (key === state.dlqKey) return;
    state.dlqKey = key;
    const rows = items.map(deadLetterRow);
    if (unlocked && dlqProblem) rows.unshift(el('li', 'row-text error', dlqProblem));
    $('dlq').replaceChildren(...rows);
  }

  function deadLetterRow(m) {
    const li = el('li');
    li.dataset.id = m.id;
    if (m.replenishmentId) li.dataset.replenishment = m.replenishmentId;
    const head = el('div', 'row-head');
    head.append(el('span', 'row-title', m.sku || 'unknown product'),
      el('span', 'row-meta', 'received ' + (m.receiveCount ?? '?') + '×'));
    li.append(head);
    li.append(el('div', 'row-meta', [
      m.replenishmentId ? 'replenishment ' + shortId(m.replenishmentId) : null,
      m.firstFailureAt ? 'first failed ' + ago(m.firstFailureAt) : null,
      m.lastFailureAt ? 'last ' + ago(m.lastFailureAt) : null,
    ].filter(Boolean).join(' · ')));
    if (m.body) {
      const raw = el('details', 'raw-wrap');
      raw.append(el('summary', null, 'message'), el('pre', 'raw', m.body));
      li.append(raw);
    }
    const actions = el('div', 'row-actions');
    const redrive = el('button', 'small redrive', 'Redrive');
    redrive.type = 'button';
    redrive.title = 'send it back to stock_queue';
    redrive.addEventListener('click', () => redriveOne(m, redrive));
    const discard = el('button', 'small danger discard', 'Discard');
    discard.type = 'button';
    discard.title = 'delete it for good (click twice)';
    discard.addEventListener('click', () => discardOne(m, discard));
    actions.append(redrive, discard);
    li.append(actions);
    return li;
  }

  /** Reads the dead letters; interactive (the operator asked) means a refused token is asked for again. */
  async function loadDeadLetters(force, interactive) {
    if (!token.get() && !interactive) return;
    const depth = state.dlqDepth || 0;
    const stale = Date.now() - state.dlqFetchedAt > DLQ_REFRESH_MS;
    if (!force && !stale && depth === state.dlqFetchedDepth) return;
    if (!force && depth === 0 && state.dlqFetchedDepth === 0 && dlqItems.length === 0) return;
    state.dlqFetchedAt = Date.now();
    state.dlqFetchedDepth = depth;
    const used = token.get();
    const answer = interactive ? await adminCall('GET', 'api/admin/dlq')
      : await call('GET', 'api/admin/dlq', undefined, { Authorization: 'Bearer ' + used });
    if (!answer) return;
    if (answer.status === 401) {
      if (token.get() !== used) return;
      token.clear();
      dlqItems = [];
      renderDeadLetters();
      toast('The admin token was refused; enter it again to manage dead letters.', 'bad');
      return;
    }
    if (answer.status === 200 && Array.isArray(answer.data)) {
      dlqItems = answer.data;
      dlqProblem = null;
    } else {
      dlqProblem = answer.status === 404 ? 'This server has no dead-letter API (GET /api/admin/dlq).'
        : 'Could not read the dead letters: ' + messageOf(answer);
    }
    renderDeadLetters();
  }

  async function redriveOne(m, button) {
    button.disabled = true;
    try {
      const answer = await adminCall('POST', 'api/admin/dlq/' + encodeURIComponent(m.id) + '/redrive');
      if (!answer) return;
      if (answer.status === 200) {
        toast('Sent back to stock_queue: ' + (m.sku || shortId(m.id)), 'ok');
        dlqItems = dlqItems.filter((x) => x.id !== m.id);
        renderDeadLetters();
      } else {
        toast('Redrive failed: ' + messageOf(answer), 'bad');
      }
      await loadDeadLetters(true);
      pollNow();
    } finally {
      button.disabled = false;
    }
  }

  async function discardOne(m, button) {
    if (button.dataset.armed !== 'yes') {
      button.dataset.armed = 'yes';
      button.textContent = 'Discard for good?';
      setTimeout(() => { button.dataset.armed = ''; button.textContent = 'Discard'; }, 4000);
      return;
    }
    button.disabled = true;
    try {
      const reason = encodeURIComponent('discarded by an operator on the dashboard');
      const answer = await adminCall('DELETE', 'api/admin/dlq/' + encodeURIComponent(m.id) + '?reason=' + reason);
      if (!answer) return;
      if (answer.status === 200) {
        toast('Discarded: ' + (m.sku || shortId(m.id)));
        dlqItems = dlqItems.filter((x) => x.id !== m.id);
        renderDeadLetters();
      } else {
        toast('Discard failed: ' + messageOf(answer), 'bad');
      }
      await loadDeadLetters(true);
      pollNow();
    } finally {
      button.disabled = false;
    }
  }

  async function redriveAll(button) {
    button.disabled = true;
    try {
      const answer = await adminCall('POST', 'api/admin/dlq/redrive');
      if (!answer) return;
      if (answer.status === 200) {
        const n = answer.data && answer.data.redriven !== undefined ? answer.data.redriven : '';
        toast('Sent back to stock_queue: ' + n + ' message(s)', 'ok');
      } else {
        toast('Redrive failed: ' + messageOf(answer), 'bad');
      }
      await loadDeadLetters(true);
      pollNow();
    } finally {
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- polling

  function setLive(kind, text) {
    const pill = $('live');
    pill.className = 'pill pill-' + kind;
    pill.textContent = text;
  }

  async function poll() {
    if (state.polling) {
      state.pollAgain = true;
      return;
    }
    state.polling = true;
    clearTimeout(state.timer);
    try {
      const [products, summary, replenishments] = await Promise.all([
        call('GET', 'api/products'),
        call('GET', 'api/ops/summary'),
        call('GET', 'api/replenishments?limit=20'),
      ]);
      let ok = true;
      if (products.status === 200 && Array.isArray(products.data)) renderProducts(products.data); else ok = false;
      if (replenishments.status === 200 && Array.isArray(replenishments.data)) renderReplenishments(replenishments.data); else ok = false;
      if (summary.status === 200 && summary.data && typeof summary.data === 'object') {
        state.summaryMissing = false;
        renderSummary(summary.data);
      } else {
        summaryUnavailable(summary);
      }
      shown();
      if (ok) {
        state.lastOk = Date.now();
        setLive('live', 'live');
        $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      } else {
        setLive('down', products.status === 0 ? 'shop unreachable' : 'shop answers ' + products.status);
      }
      await loadDeadLetters(false);
    } catch (e) {
      setLive('down', 'dashboard error');
      console.warn('dashboard refresh failed', e);
    } finally {
      shown();
      state.polling = false;
      schedule();
    }
  }

  /** The first answer (or failure) is drawn: show the page, laid out once. */
  function shown() {
    document.body.classList.remove('loading');
  }

  function schedule() {
    clearTimeout(state.timer);
    if (document.hidden) {
      setLive('wait', 'paused');
      return;
    }
    if (state.pollAgain) {
      state.pollAgain = false;
      state.timer = setTimeout(poll, 0);
    } else {
      state.timer = setTimeout(poll, POLL_MS);
    }
  }

  function pollNow() {
    if (document.hidden) return;
    poll();
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      clearTimeout(state.timer);
      setLive('wait', 'paused');
    } else {
      pollNow();
    }
  });

  $('admin-button').addEventListener('click', () => {
    if (token.get()) {
      token.clear();
      dlqItems = [];
      renderDeadLetters();
      toast('Admin token forgotten.');
    } else {
      loadDeadLetters(true, true);
    }
  });
  $('dlq-unlock').addEventListener('click', () => loadDeadLetters(true, true));
  $('redrive-all').addEventListener('click', (event) => redriveAll(event.currentTarget));

  showAdminState();
  poll();
})();
