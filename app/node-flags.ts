/**
 * The V8 flags the app runs with, in `npm start` and the Dockerfile: a young generation of 32 MiB
 * semi-spaces instead of V8's 16. Every command allocates many short-lived objects (the request, its
 * validation, the events, the NATS messages of the views and the bot), and with the default the
 * scavenges took about an eighth of the app's CPU under load. The bench runs every Node process it
 * compares (the app, the floor, the Emmett peer) with the same flags.
 */
export const APP_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
