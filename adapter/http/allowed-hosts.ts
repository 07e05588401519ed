/**
 * The `Host` names requests must carry (`ALLOWED_HOSTS`), against DNS rebinding: a page of another site
 * that got its name resolved to this app's address still sends its own name as `Host`. An entry without a
 * port allows that host on any port; with one, on that port only. With no entries every host is allowed.
 */
export class AllowedHosts {
  private readonly entries: ReadonlySet<string>;

  constructor(entries: readonly string[]) {
    this.entries = new Set(entries.map((entry) => entry.toLowerCase()));
  }

  get checked(): boolean {
    return this.entries.size > 0;
  }

  permits(host: string | undefined): boolean {
    if (!this.checked) return true;
    if (!host) return false;
    const value = host.trim().toLowerCase();
    return this.entries.has(value) || this.entries.has(hostname(value));
  }
}

/** The name of a `Host` value without its port: `[::1]:3000` → `[::1]`, `a.example:80` → `a.example`. */
const hostname = (host: string): string => {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
};
