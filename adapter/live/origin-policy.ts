/**
 * Whether a page of `origin` may open `/live` on the server named `host` (the request's `Host`): the app's own
 * pages (same host and port) and those of `allowed` (`ALLOWED_ORIGINS`) may. A request without `Origin` comes from
 * no browser page (a service, the CLI, a test) and may too: browsers always send one on websocket upgrades, so a
 * foreign page cannot ride on a visitor's network position or cookies. `Origin: null` (a sandboxed or local page) may not.
 */
export const originAllowed = (origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean => {
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const page = new URL(origin);
  if (allowed.includes(page.origin)) return true;
  if (host === undefined || !URL.canParse(`${page.protocol}//${host}`)) return false;
  return new URL(`${page.protocol}//${host}`).host === page.host;
};
