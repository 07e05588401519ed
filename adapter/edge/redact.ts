/** Query parameters that carry secrets: never logged, never echoed. */
const SECRET_PARAMETERS = ['access_token'];

/** The URL as it may be logged or echoed: secret query parameters' values replaced by `redacted`. */
export const redactUrl = (url: string): string => {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const parameters = new URLSearchParams(url.slice(query + 1));
  let redacted = false;
  for (const name of SECRET_PARAMETERS) {
    if (parameters.has(name)) {
      parameters.set(name, 'redacted');
      redacted = true;
    }
  }
  return redacted ? `${url.slice(0, query)}?${parameters.toString()}` : url;
};
