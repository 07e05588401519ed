import { execFile } from 'node:child_process';
import { PROJECT_ROOT } from '@libs/testing/child-process';
import { runCli } from '@app/cli/cli';

/** What one run of the CLI printed, and how it ended. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command line of the CLI in this process, against the server at `server`, capturing what it prints. */
export const cli = async (server: string, ...argv: string[]): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--server', server], {}, { write: (text: string) => (stdout += text) }, { write: (text: string) => (stderr += text) });
  return { code, stdout, stderr };
};

/** The JSON lines a run printed. */
export const jsonLines = <T = Record<string, unknown>>(run: CliRun): T[] =>
  run.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);

/** Runs the built CLI as `npx nats-event-model …` in the project's folder, as a person would (`npm run build` first). */
export const npxCli = (argv: readonly string[], env: Record<string, string>): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile('npx', ['--no-install', 'nats-event-model', ...argv], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
