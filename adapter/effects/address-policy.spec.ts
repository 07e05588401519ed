import { AddressPolicy, AddressRefused, type ResolvedAddress } from './address-policy';

/** A resolver double: host names and what they resolve to. */
const resolver =
  (hosts: Record<string, readonly string[]>) =>
  (host: string): Promise<ResolvedAddress[]> => {
    const addresses = hosts[host];
    if (!addresses) return Promise.reject(new Error(`getaddrinfo ENOTFOUND ${host}`));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

const refusal = async (policy: AddressPolicy, address: string): Promise<string> => {
  try {
    await policy.check(address);
  } catch (error) {
    if (error instanceof AddressRefused) return error.message;
    throw error;
  }
  throw new Error(`${address} was admitted`);
};

describe('the allow list of callback addresses', () => {
  const hosts = resolver({
    'example.com': ['93.184.216.34'],
    'both.example': ['93.184.216.34', '10.0.0.7'],
    'inside.example': ['10.1.2.3'],
    'receiver.internal': ['192.168.1.20'],
  });

  it('admits http and https only, without credentials, as absolute URLs', async () => {
    const policy = new AddressPolicy('public', hosts);
    await expect(policy.check('https://example.com/hook')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://example.com/hook')).resolves.toBeInstanceOf(URL);
    expect(await refusal(policy, 'ftp://example.com/hook')).toBe('must use http or https, not ftp');
    expect(await refusal(policy, 'file:///etc/passwd')).toBe('must use http or https, not file');
    expect(await refusal(policy, 'https://user:secret@example.com/hook')).toBe('must not carry credentials');
    expect(await refusal(policy, '/api/v1/reminders')).toBe('must be an absolute http or https URL');
  });

  it('with public, admits public addresses and refuses private, loopback, link-local, metadata and mapped ones', async () => {
    const policy = new AddressPolicy('public', hosts);
    await expect(policy.check('http://93.184.216.34/')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://[2606:2800:220:1:248:1893:25c8:1946]/')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://[::ffff:93.184.216.34]/')).resolves.toBeInstanceOf(URL);
    for (const address of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::1]', '[fe80::1]', '[fd00::1]', '[::ffff:127.0.0.1]']) {
      expect(await refusal(policy, `http://${address}/`)).toContain('which the allow list does not admit');
    }
  });

  it('refuses a host name when any address it resolves to is not admitted, naming that address', async () => {
    const policy = new AddressPolicy('public', hosts);
    expect(await refusal(policy, 'http://both.example/')).toBe(
      'its host both.example is 10.0.0.7, which the allow list does not admit (private, loopback, link-local and metadata addresses must be listed)',
    );
    expect(await refusal(policy, 'http://nowhere.example/')).toBe('its host nowhere.example does not resolve');
  });

  it('admits listed addresses and ranges, and a listed host name whatever it resolves to', async () => {
    const policy = new AddressPolicy('10.0.0.0/8, 127.0.0.1, Receiver.Internal', hosts);
    await expect(policy.check('http://inside.example/')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://127.0.0.1:8080/')).resolves.toBeInstanceOf(URL);
    await expect(policy.check('http://receiver.internal/')).resolves.toBeInstanceOf(URL);
    expect(await refusal(policy, 'http://127.0.0.2/')).toContain('127.0.0.2, which the allow list does not admit');
    expect(await refusal(policy, 'http://example.com/')).toContain('93.184.216.34, which the allow list does not admit');
  });

  it('refuses an allow list entry that is neither a host name, an address nor a range, naming it', () => {
    expect(() => new AddressPolicy('public, nonsense/12')).toThrow('nonsense/12 is neither a host name, an IP address nor a CIDR range');
  });
});
