import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The floors of adapter/: each folder may import only the folders listed for it (and libs/, model/,
 * stream/), so no import runs back up. A folder added to adapter/ is added here with what it stands on.
 */
const ADAPTER_FLOORS = {
  nats: [],
  telemetry: [],
  topology: ['nats'],
  'event-store': ['nats', 'telemetry', 'topology'],
  config: ['nats', 'telemetry', 'event-store'],
  consumer: ['nats', 'telemetry', 'event-store'],
  projection: ['nats', 'telemetry', 'event-store', 'consumer'],
  timers: ['nats', 'telemetry', 'topology', 'projection'],
  effects: ['nats', 'topology'],
  edge: ['telemetry'],
  runtime: ['nats', 'telemetry', 'topology', 'event-store', 'config', 'consumer', 'projection', 'timers', 'effects', 'edge'],
  http: ['telemetry', 'config', 'edge'],
  transport: ['nats', 'telemetry', 'config', 'edge'],
  live: ['nats', 'telemetry', 'config', 'projection', 'edge', 'runtime', 'http'],
  ops: ['nats', 'telemetry', 'config', 'consumer', 'projection', 'timers', 'effects', 'edge', 'runtime', 'http', 'live'],
  contracts: ['event-store', 'edge', 'http'],
};
const adapterFloors = Object.entries(ADAPTER_FLOORS).map(([folder, allowed]) => ({
  files: [`adapter/${folder}/**/*.ts`],
  ignores: ['**/*.spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: Object.keys(ADAPTER_FLOORS)
              .filter((other) => other !== folder && !allowed.includes(other))
              .map((other) => `@adapter/${other}/*`),
            message: `adapter/${folder} stands on ${allowed.join(', ') || 'nothing else in adapter/'}: an import of a folder above it runs back up (see eslint.config.mjs)`,
          },
          { group: ['@feature/*', '@app/*'], message: 'adapter/ never imports a board or the app' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    // The Emmett peer (bench/peers/emmett/src) is its own project with its own dependencies and tsconfig.
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'test-artifacts/**', 'jest.config.js', 'eslint.config.mjs', 'bench/peers/emmett/src/**', 'bench/peers/emmett/node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['feature/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*/*', '../../*'], message: 'slices never import other slices: share through model/, stream/ or adapter/' },
            { group: ['@feature/*'], message: 'slices never import other slices: share through model/, stream/ or adapter/' },
          ],
        },
      ],
    },
  },
  {
    // The browser code has its own tsconfig (DOM types, ES modules), outside the server's project.
    files: ['feature/**/web/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['adapter/**/web/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.ops-web.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Build scripts are plain Node ES modules, in no tsconfig: linted without type information.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['libs/**/*.ts', 'model/**/*.ts', 'stream/**/*.ts'],
    ignores: ['libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', '@adapter/*', '@feature/*'], message: 'libs, model and stream stay framework-free' }] },
      ],
    },
  },
  ...adapterFloors,
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
