import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractProblem } from '@libs/event-model/event-contract';
import { HOTEL_EVENT_CONTRACTS } from '@model/hotel/hotel.events';
import { EventSchemas } from './event-schemas';

const contracts = Object.entries(HOTEL_EVENT_CONTRACTS);
const kebab = (type: string): string => type.replace(/[A-Z]/g, (letter, index: number) => `${index === 0 ? '' : '-'}${letter.toLowerCase()}`);

describe('the JSON Schemas of the hotel events', () => {
  const schemas = new EventSchemas(HOTEL_EVENT_CONTRACTS);

  it.each(contracts)('%s: its example is valid, for the schema and for the runtime check alike', (type, contract) => {
    expect(contract.type).toBe(type);
    expect(schemas.errors(type, contract.example)).toEqual([]);
    expect(contractProblem(contract, contract.example)).toBeUndefined();
  });

  it.each(contracts)('%s: data with a field missing, unknown, or of the wrong kind is invalid', (type, contract) => {
    const [first, ...others] = Object.keys(contract.fields);
    const without = Object.fromEntries(others.map((field) => [field, contract.example[field]]));
    expect(schemas.errors(type, without)).toEqual([`/ must have required property '${first}'`]);
    expect(schemas.errors(type, { ...contract.example, guest: 'x' })).toEqual(['/ must NOT have additional properties']);
    expect(schemas.errors(type, { ...contract.example, roomId: 'room.1' })).toEqual([expect.stringMatching(/^\/roomId must match pattern/)]);
    expect(schemas.errors(type, { ...contract.example, roomId: 7 })).toEqual(['/roomId must be string']);
    expect(schemas.errors(type, 'RoomBooked')).toEqual(['/ must be object']);
  });

  it.each(contracts.filter(([, contract]) => 'date' in contract.fields))('%s: an impossible date is invalid for both', (type, contract) => {
    const data = { ...contract.example, date: '2023-02-30' };
    expect(schemas.errors(type, data)).toEqual(['/date must match format "date"']);
    expect(contractProblem(contract, data)).toBe(`the data of ${type} has no valid date (date)`);
  });

  it.each(contracts)('%s: its description is the doc comment of its type in its model file', (type, contract) => {
    const source = readFileSync(join(process.cwd(), 'model/hotel', `${kebab(type)}.event.ts`), 'utf8');
    const comment = new RegExp(`/\\*\\* (.+?) \\*/\\nexport type ${type} `).exec(source)?.[1];
    expect(comment).toBe(contract.description);
  });

  it.each(contracts)('%s: every older version has its upcaster', (_type, contract) => {
    const from = (contract.upcasters ?? []).map((upcaster) => upcaster.from).sort();
    expect(from).toEqual(Array.from({ length: contract.version - 1 }, (_, index) => index + 1));
  });
});
