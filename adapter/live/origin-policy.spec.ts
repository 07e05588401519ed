import { originAllowed } from './origin-policy';

describe('the origins that may open /live', () => {
  it('lets the app\'s own pages in: the host and port the request names', () => {
    expect(originAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(originAllowed('https://Board.Example.com', 'board.example.com:443', [])).toBe(true);
  });

  it('lets clients that are no browser page in: they send no Origin', () => {
    expect(originAllowed(undefined, '127.0.0.1:3000', [])).toBe(true);
  });

  it('refuses another host, another port, a null origin and garbage', () => {
    expect(originAllowed('https://evil.example', '127.0.0.1:3000', [])).toBe(false);
    expect(originAllowed('http://127.0.0.1:8080', '127.0.0.1:3000', [])).toBe(false);
    expect(originAllowed('null', '127.0.0.1:3000', [])).toBe(false);
    expect(originAllowed('not an origin', '127.0.0.1:3000', [])).toBe(false);
    expect(originAllowed('http://127.0.0.1:3000', undefined, [])).toBe(false);
  });

  it('lets the configured origins in, and only them', () => {
    const allowed = ['https://board.example.com'];
    expect(originAllowed('https://board.example.com', '10.0.0.5:3000', allowed)).toBe(true);
    expect(originAllowed('http://board.example.com', '10.0.0.5:3000', allowed)).toBe(false);
    expect(originAllowed('https://board.example.com.evil.example', '10.0.0.5:3000', allowed)).toBe(false);
  });
});
