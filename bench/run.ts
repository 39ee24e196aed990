// npm run bench: the classify figures (classify.ts), then the whole worker's (worker.ts).
//   npm run bench -- --only classify|worker  --backlog 1000 --latency 100 --older 50000
//   npm run bench -- --only classify --dist /path/to/another/checkout/dist   (another build, same harness)
//   BENCH_WORKER_FLAGS="--cpu-prof --cpu-prof-dir=prof" npm run bench -- --only worker
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchClassify } from './classify.js';
import { benchWorker } from './worker.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    dist: { type: 'string' },
    backlog: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '100' },
    older: { type: 'string', default: '50000' },
  },
});
if (values.only !== 'worker') await benchClassify(values.dist);
if (values.only !== 'classify') {
  await benchWorker(root, {
    backlog: Number(values.backlog), latency: Number(values.latency), older: Number(values.older),
    extraFlags: (process.env.BENCH_WORKER_FLAGS ?? '').split(/\s+/).filter(Boolean),
  });
}
