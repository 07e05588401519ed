import { AppHarness } from '@test/app.harness';

const token = 'on-call-console-e2e-token-0123456789';
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

describe('the on-call console, as the app serves it', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start({ authTokens: [token] });
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it('serves the page to anyone, without caching, under a policy that lets only its own origin run and connect', async () => {
    const page = await harness.get('/console');
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    expect(page.body.text).toContain('<script type="module" src="/console/on-call-console.js"></script>');
    expect((await harness.put('/mutation/acknowledge-alert', { data: { service: { id: 'checkout' } } })).status).toBe(401);
  });

  it('serves its modules, the live link among them, and its stylesheet, each with its content type', async () => {
    const types = { 'on-call-console.js': 'text/javascript; charset=utf-8', 'live-link.js': 'text/javascript; charset=utf-8', 'on-call-console.css': 'text/css; charset=utf-8' };
    for (const [file, type] of Object.entries(types)) {
      const served = await harness.get(`/console/${file}`);
      expect([file, served.status, served.headers['content-type'], served.headers['content-security-policy']]).toEqual([file, 200, type, CONTENT_SECURITY_POLICY]);
    }
  });

  it('has no other file: nothing outside its build, no source, no guess', async () => {
    for (const file of ['missing.js', 'on-call-console.ts', '..%2F..%2Fpackage.json', '..%2Flive-board%2Fboard.js', '.env', 'ON-CALL-CONSOLE.HTML']) {
      const refused = await harness.get(`/console/${file}`);
      expect([file, refused.status, refused.headers['content-type']]).toEqual([file, 404, expect.stringMatching(/^application\/problem\+json/)]);
    }
  });
});
