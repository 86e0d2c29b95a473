import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
const url = 'postgres://postgres@127.0.0.1:5432/glocal_bench_cases';
const app = await buildApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DATA_DIR: 'memory://', CASE_REMINDERS_EVERY_MINUTES: '0', SEED_DEMO: 'false' }));
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach.diourbel@glocal.test', password: 'glocal-demo-2026' } });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
for (const path of ['/api/v1/auth/me', '/api/v1/cases', '/api/v1/cases?limit=1', '/api/v1/organisations?limit=50']) {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(r.body);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(path, 'p50', times[100]!.toFixed(2), 'p95', times[190]!.toFixed(2));
}
await app.close();
