/**
 * Unit specs (`*.spec.ts`) are pure; `*.int.spec.ts` and `*.e2e.spec.ts` start their own nats-server;
 * `*.faults.spec.ts` crash servers and apps (the app as its own process, from `dist/`: build first).
 */
const aliases = {
  '^@app/(.*)$': '<rootDir>/app/$1',
  '^@feature/(.*)$': '<rootDir>/feature/$1',
  '^@model/(.*)$': '<rootDir>/model/$1',
  '^@stream/(.*)$': '<rootDir>/stream/$1',
  '^@adapter/(.*)$': '<rootDir>/adapter/$1',
  '^@libs/(.*)$': '<rootDir>/libs/$1',
  '^@test/(.*)$': '<rootDir>/test/$1',
};
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: aliases,
  roots: ['<rootDir>/app', '<rootDir>/feature', '<rootDir>/model', '<rootDir>/stream', '<rootDir>/adapter', '<rootDir>/libs', '<rootDir>/test'],
};
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.faults\\.spec\\.ts$'] },
    { ...common, displayName: 'integration', testMatch: ['**/*.int.spec.ts', '**/*.e2e.spec.ts'], setupFiles: ['<rootDir>/test/setup.ts'] },
    { ...common, displayName: 'faults', testMatch: ['**/*.faults.spec.ts'], setupFiles: ['<rootDir>/test/setup.ts'] },
  ],
};
