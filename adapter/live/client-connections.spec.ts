import { ClientConnections } from './client-connections';

describe('the live connections of each client', () => {
  it('gives each client its own slots, up to the cap, and a slot back when released', () => {
    const connections = new ClientConnections(2);
    expect([connections.take('ip:10.0.0.1'), connections.take('ip:10.0.0.1'), connections.take('ip:10.0.0.1')]).toEqual([true, true, false]);
    expect(connections.take('token:abc')).toBe(true);
    connections.release('ip:10.0.0.1');
    expect(connections.held('ip:10.0.0.1')).toBe(1);
    expect(connections.take('ip:10.0.0.1')).toBe(true);
  });

  it('forgets a client that holds nothing', () => {
    const connections = new ClientConnections(1);
    connections.take('ip:10.0.0.2');
    connections.release('ip:10.0.0.2');
    connections.release('ip:10.0.0.2');
    expect(connections.held('ip:10.0.0.2')).toBe(0);
    expect(connections.take('ip:10.0.0.2')).toBe(true);
  });
});
