/**
 * The `/live` connections each client holds now, against a cap: a slot is taken when an upgrade is let
 * through and given back when its socket closes, so one client cannot hold the app's file descriptors,
 * memory and KV watches with connections it opened within its rate limit.
 */
export class ClientConnections {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a slot for `client`; false, taking nothing, when it holds `max` already. */
  take(client: string): boolean {
    const held = this.open.get(client) ?? 0;
    if (held >= this.max) return false;
    this.open.set(client, held + 1);
    return true;
  }

  /** Gives back one slot of `client`. */
  release(client: string): void {
    const held = (this.open.get(client) ?? 0) - 1;
    if (held > 0) this.open.set(client, held);
    else this.open.delete(client);
  }

  /** The connections `client` holds now. */
  held(client: string): number {
    return this.open.get(client) ?? 0;
  }
}
