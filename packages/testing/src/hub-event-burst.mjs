// Plays a Hubitat hub sending a burst of device events to its postURL, in a worker thread so the
// test's own event loop does not limit the rate. Retries what a hub would retry (a 5xx or a
// network error) with the same body, and reports how many deliveries ended with which status.
import { parentPort, workerData } from 'node:worker_threads';

const { url, count, perSecond, deviceId } = workerData;
const started = Date.now();
const statuses = {};

async function deliver(body) {
  for (let attempt = 1; ; attempt++) {
    let status;
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'network error';
    }
    if ((status !== 'network error' && status < 500) || attempt === 10) return status;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

const deliveries = [];
for (let i = 0; i < count; i++) {
  const due = started + (i * 1000) / perSecond;
  if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  const body = JSON.stringify({
    content: {
      name: 'power',
      value: String(i),
      displayName: 'Meter',
      deviceId,
      descriptionText: null,
      unit: 'W',
      type: 'physical',
      data: null,
    },
  });
  deliveries.push(deliver(body).then((status) => (statuses[status] = (statuses[status] ?? 0) + 1)));
}
await Promise.all(deliveries);
parentPort.postMessage({ statuses });
