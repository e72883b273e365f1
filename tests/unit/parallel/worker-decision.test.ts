import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_PAGES_LEFT, pageWorkerMode, SAMPLE_MS, SLOW_PAGE_MS, workerDecision } from '../../../src/parallel/worker-decision.ts';

test('the loader renders on its own until it has rendered long enough to judge', () => {
  assert.equal(workerDecision(SAMPLE_MS - 1, 3, 500), undefined);
});

test('slow pages with many left start the worker; fast pages or few left do not', () => {
  assert.deepEqual(workerDecision(SAMPLE_MS, 10, 380)?.start, true);
  assert.match(workerDecision(SAMPLE_MS, 10, 380)?.why ?? '', /started after 10 pages of 200 ms each/);
  const fast = workerDecision(SAMPLE_MS, Math.ceil(SAMPLE_MS / (SLOW_PAGE_MS / 2)), 5000);
  assert.equal(fast?.start, false);
  assert.match(fast?.why ?? '', /pages take 20 ms each; a worker pays off from 40 ms/);
  // Few pages left: decided at once, and nothing worth a log line.
  assert.deepEqual(workerDecision(10, 1, MIN_PAGES_LEFT - 1), { start: false });
});

test('SCISSORS_PAGE_WORKER chooses; one core means no worker', () => {
  assert.equal(pageWorkerMode({}, 2), 'auto');
  assert.equal(pageWorkerMode({ SCISSORS_PAGE_WORKER: 'on' }, 2), 'on');
  assert.equal(pageWorkerMode({ SCISSORS_PAGE_WORKER: 'off' }, 8), 'off');
  assert.equal(pageWorkerMode({ SCISSORS_PAGE_WORKER: 'on' }, 1), 'off');
});
