// A flash crowd on one donut: a video goes viral and everyone orders the same SKU at once.
//
//   k6 run examples/k6-flash-crowd.js
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e SKU=CP-502101 -e PEAK_RATE=300 \
//          -e ADMIN_TOKEN=<token> -e STOCK=200 examples/k6-flash-crowd.js
//
// Environment: BASE_URL (default http://127.0.0.1:8080), SKU (CP-502101), PEAK_RATE purchases per
// second at the peak (200), BASE_RATE before and after (5), HOLD how long the crowd stays (30s),
// ADMIN_TOKEN and STOCK (optional: put STOCK donuts on the shelf first, and check at the end that
// every shelf still agrees with its ledger).
//
// 201 SOLD and 409 OUT_OF_STOCK are both correct answers under a crowd; anything else is an error.
// The run fails when p99 of the sale requests or the error rate cross the thresholds below.

import http from 'k6/http';
import { check } from 'k6';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SKU = __ENV.SKU || 'CP-502101';
const PEAK_RATE = Number(__ENV.PEAK_RATE || 200);
const BASE_RATE = Number(__ENV.BASE_RATE || 5);
const HOLD = __ENV.HOLD || '30s';
const ADMIN_TOKEN = __ENV.ADMIN_TOKEN || '';
const STOCK = __ENV.STOCK === undefined ? null : Number(__ENV.STOCK);
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const sold = new Counter('donuts_sold');
const refused = new Counter('sales_out_of_stock');
const unexpected = new Rate('unexpected_answers');
const saleDuration = new Trend('sale_duration', true);

// Out of stock is an answer, not a failure: only other statuses count in http_req_failed.
http.setResponseCallback(http.expectedStatuses(200, 201, 409));

export const options = {
  scenarios: {
    flash_crowd: {
      executor: 'ramping-arrival-rate',
      startRate: BASE_RATE,
      timeUnit: '1s',
      preAllocatedVUs: Math.max(20, Math.ceil(PEAK_RATE / 4)),
      maxVUs: Math.max(50, PEAK_RATE * 2),
      stages: [
        { target: BASE_RATE, duration: '10s' }, // an ordinary afternoon
        { target: PEAK_RATE, duration: '5s' },  // the video goes viral
        { target: PEAK_RATE, duration: HOLD },  // the crowd
        { target: BASE_RATE, duration: '10s' }, // it passes
      ],
    },
  },
  thresholds: {
    'http_req_duration{name:sale}': ['p(99)<500', 'p(95)<250'],
    'http_req_failed{name:sale}': ['rate<0.01'],
    unexpected_answers: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  const product = http.get(`${BASE_URL}/api/products/${SKU}`, { tags: { name: 'setup' } });
  if (product.status !== 200) {
    throw new Error(`GET ${BASE_URL}/api/products/${SKU} answered ${product.status}: is the shop running at BASE_URL?`);
  }
  if (ADMIN_TOKEN && STOCK !== null) {
    const counted = http.put(`${BASE_URL}/api/admin/products/${SKU}/stock`, JSON.stringify({ stock: STOCK }), {
      headers: Object.assign({ Authorization: `Bearer ${ADMIN_TOKEN}` }, JSON_HEADERS),
      tags: { name: 'setup' },
    });
    if (counted.status !== 200) {
      throw new Error(`setting the stock answered ${counted.status}: ${counted.body}`);
    }
  }
  const start = http.get(`${BASE_URL}/api/products/${SKU}`, { tags: { name: 'setup' } }).json();
  console.log(`flash crowd on ${SKU} (${start.name}) at ${BASE_URL}: ${start.stock} on the shelf, peak ${PEAK_RATE}/s`);
  return { startStock: start.stock };
}

export default function () {
  const response = http.post(`${BASE_URL}/api/sales`, JSON.stringify({ sku: SKU, quantity: 1 }), {
    headers: JSON_HEADERS,
    tags: { name: 'sale' },
  });
  saleDuration.add(response.timings.duration);
  let body = null;
  try {
    body = response.json();
  } catch (e) {
    body = null;
  }
  const ok = check(response, {
    'sold (201) or out of stock (409)': (r) => r.status === 201 || r.status === 409,
    'a sold answer says how many are left': (r) => r.status !== 201
      || Boolean(body && body.status === 'SOLD' && body.remainingStock >= 0),
    'an out-of-stock answer names the replenishment': (r) => r.status !== 409
      || Boolean(body && body.status === 'OUT_OF_STOCK' && body.replenishment && body.replenishment.id),
  });
  unexpected.add(!ok);
  if (response.status === 201) sold.add(1);
  if (response.status === 409) refused.add(1);
}

export function teardown(data) {
  const end = http.get(`${BASE_URL}/api/products/${SKU}`, { tags: { name: 'teardown' } }).json();
  const replenishments = http.get(`${BASE_URL}/api/replenishments?sku=${SKU}&limit=20`, { tags: { name: 'teardown' } }).json();
  const byStatus = {};
  for (const r of replenishments) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
  console.log(`after the crowd: ${end.stock} on the shelf (started with ${data.startStock}); `
    + `recent replenishments ${JSON.stringify(byStatus)}`);
  if (ADMIN_TOKEN) {
    const audit = http.get(`${BASE_URL}/api/admin/invariants`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      tags: { name: 'teardown' },
    });
    check(audit, { 'every shelf agrees with its ledger (nothing sold twice)': (r) => r.status === 200 && r.json('holds') === true });
  }
}
