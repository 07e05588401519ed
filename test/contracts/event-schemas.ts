import Ajv, { type ValidateFunction } from 'ajv';
import { dataSchema, type EventContract } from '@libs/event-model/event-contract';
import { isCalendarDate } from '@libs/ids/entity-id';

/** Validates event data against its contract's JSON Schema with ajv (draft-07, strict mode, `date` as a calendar date). */
export class EventSchemas {
  private readonly ajv = new Ajv({ strict: true, allErrors: true }).addFormat('date', isCalendarDate);
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly contracts: Readonly<Record<string, EventContract>>) {
    for (const [type, contract] of Object.entries(contracts)) this.validators.set(type, this.ajv.compile(dataSchema(contract)));
  }

  /** ajv's complaints about `data` as the given event type's data, empty when it is valid. */
  errors(type: string, data: unknown): string[] {
    const validate = this.validators.get(type);
    if (validate === undefined) return [`${type} has no contract`];
    return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
  }
}
