import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why an address is refused, in words for a 400 or a log line. */
export class AddressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressRefused';
  }
}

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** The word in an allow list that admits every public address. */
export const PUBLIC = 'public';

/**
 * Addresses that are never public: private, loopback, link-local (cloud metadata among them), unspecified, shared,
 * multicast, documentation. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is checked by `BlockList` against
 * the IPv4 rules, so the mapped range itself is not listed: as a rule it would match every IPv4 address.
 */
const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv6');

/**
 * Which callback addresses may be called: http or https, no credentials in the URL, and a host the allow list
 * admits. The list (comma-separated) holds host names, IP addresses, CIDR ranges, and `public` for every public
 * address. A host admitted by name is called whatever it resolves to; otherwise every address it resolves to
 * must be admitted: private, loopback, link-local (metadata) and other special addresses only when listed.
 * `resolve` answers the addresses to connect to, checked, so that a name resolved again later (DNS rebinding)
 * cannot lead elsewhere.
 */
export class AddressPolicy {
  private readonly names = new Set<string>();
  private readonly addresses = new BlockList();
  private readonly anyPublic: boolean;

  /** `lookupHost` resolves a host name to its addresses: the system's resolver, unless a test gives its own. */
  constructor(
    allow: string,
    private readonly lookupHost: (host: string) => Promise<ResolvedAddress[]> = (host) => lookup(host, { all: true, verbatim: true }),
  ) {
    const entries = allow.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
    this.anyPublic = entries.includes(PUBLIC);
    for (const entry of entries.filter((candidate) => candidate !== PUBLIC)) {
      const [network = '', prefix] = entry.split('/');
      const family = isIP(network);
      if (family === 0 && prefix === undefined) this.names.add(entry);
      else if (family === 0) throw new AddressRefused(`${entry} is neither a host name, an IP address nor a CIDR range`);
      else if (prefix === undefined) this.addresses.addAddress(network, family === 4 ? 'ipv4' : 'ipv6');
      else this.addresses.addSubnet(network, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  /** The URL if it may be called (its host resolved now), else `AddressRefused` saying why. */
  async check(address: string): Promise<URL> {
    const url = this.parse(address);
    await this.resolve(url.hostname);
    return url;
  }

  /** The URL as an address of this policy, before any resolution: its scheme and credentials. */
  parse(address: string): URL {
    const url = URL.canParse(address) ? new URL(address) : undefined;
    if (!url) throw new AddressRefused('must be an absolute http or https URL');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AddressRefused(`must use http or https, not ${url.protocol.slice(0, -1)}`);
    if (url.username || url.password) throw new AddressRefused('must not carry credentials');
    return url;
  }

  /** The addresses `host` resolves to, every one of them admitted; `AddressRefused` naming the first that is not. */
  async resolve(host: string): Promise<ResolvedAddress[]> {
    const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
    const family = isIP(bare);
    const resolved = family !== 0 ? [{ address: bare, family }] : await this.lookupHost(bare).catch(() => {
      throw new AddressRefused(`its host ${bare} does not resolve`);
    });
    if (family === 0 && this.names.has(bare)) return resolved;
    for (const { address, family: version } of resolved) {
      const type = version === 4 ? 'ipv4' : 'ipv6';
      if (this.addresses.check(address, type)) continue;
      if (this.anyPublic && !SPECIAL.check(address, type)) continue;
      throw new AddressRefused(`its host ${bare} is ${address}, which the allow list does not admit (private, loopback, link-local and metadata addresses must be listed)`);
    }
    return resolved;
  }
}
