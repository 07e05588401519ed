import { Credentials } from './credentials';

/** The tokens `/metrics` accepts: `METRICS_TOKEN`, or `AUTH_TOKENS` without it; none, and it is open. */
export class MetricsCredentials extends Credentials {}
