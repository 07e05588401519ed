import type { IntegerSetting, Setting, SettingValues, TextSetting } from '@libs/event-model/board';
import { InvalidConfiguration } from './app.config';

/**
 * The boards' own settings, read once from the environment at start: every value checked against its bounds,
 * a wrong one stopping the start with the variable's name. With the app's own nats-server (no `NATS_URL`), a
 * text setting takes its embedded default.
 */
export class BoardSettings {
  private readonly values = new Map<string, number | string>();

  constructor(settings: readonly Setting[], env: NodeJS.ProcessEnv, embedded: boolean) {
    for (const setting of settings) this.values.set(setting.name, setting.kind === 'integer' ? integer(env, setting) : text(env, setting, embedded));
  }

  integer(setting: IntegerSetting): number {
    return this.value(setting) as number;
  }

  text(setting: TextSetting): string {
    return this.value(setting) as string;
  }

  /** A slice's declared settings as they came out, by the names the slice gave them. */
  of(declared: Readonly<Record<string, Setting>> | undefined): SettingValues {
    return Object.fromEntries(Object.entries(declared ?? {}).map(([key, setting]) => [key, this.value(setting)]));
  }

  private value(setting: Setting): number | string {
    const value = this.values.get(setting.name);
    if (value === undefined) throw new Error(`${setting.name} is not among the boards' settings: list it on its board`);
    return value;
  }
}

const integer = (env: NodeJS.ProcessEnv, { name, fallback, min, max }: IntegerSetting): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new InvalidConfiguration(name, raw, `an integer from ${min} to ${max}`);
  return value;
};

const text = (env: NodeJS.ProcessEnv, { name, fallback, embeddedFallback }: TextSetting, embedded: boolean): string => {
  const raw = env[name];
  if (raw !== undefined) return raw.trim();
  return embedded && embeddedFallback !== undefined ? embeddedFallback : fallback;
};
