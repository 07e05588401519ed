import { contractProblem, dataSchema, upcastData, type EventContract } from './event-contract';

/** A contract at v3 whose data was renamed in v2 and gained a field in v3. */
const parcelSent: EventContract = {
  type: 'ParcelSent',
  version: 3,
  description: 'A parcel left the warehouse.',
  fields: { parcelId: { kind: 'entity-id', description: 'The parcel.' }, carrier: { kind: 'text', description: 'Who carries it.' } },
  example: { parcelId: 'p-1', carrier: 'post' },
  upcasters: [
    { from: 2, upcast: (data) => ({ ...(data as object), carrier: 'unknown' }) },
    { from: 1, upcast: (data) => ({ parcelId: (data as { id: string }).id }) },
  ],
};

describe('event contracts', () => {
  it('read the current version as stored', () => {
    expect(upcastData(parcelSent, 3, { parcelId: 'p-1', carrier: 'post' })).toEqual({ data: { parcelId: 'p-1', carrier: 'post' } });
  });

  it('chain the upcasters from the stored version up to the current one, in order of version whatever their order in the list', () => {
    expect(upcastData(parcelSent, 1, { id: 'p-1' })).toEqual({ data: { parcelId: 'p-1', carrier: 'unknown' } });
    expect(upcastData(parcelSent, 2, { parcelId: 'p-2' })).toEqual({ data: { parcelId: 'p-2', carrier: 'unknown' } });
  });

  it('cannot read a version from the future, a version below 1, or a version whose upcaster is missing', () => {
    expect(upcastData(parcelSent, 4, {})).toEqual({ problem: 'ParcelSent v4 is newer than this release reads (v3)' });
    expect(upcastData(parcelSent, 0, {})).toEqual({ problem: 'ParcelSent has no version 0' });
    expect(upcastData({ ...parcelSent, upcasters: parcelSent.upcasters?.slice(0, 1) }, 1, { id: 'p-1' })).toEqual({
      problem: 'ParcelSent has no upcaster from v1',
    });
  });

  it('name the fields that do not fit, by kind', () => {
    expect(contractProblem(parcelSent, { parcelId: 'p-1', carrier: 'post' })).toBeUndefined();
    expect(contractProblem(parcelSent, { parcelId: 'a.b' })).toBe('the data of ParcelSent has no valid parcelId (entity-id), carrier (text)');
    expect(contractProblem(parcelSent, [])).toBe('the data of ParcelSent is not an object');
  });

  it('give the data a JSON Schema with every field required, described, and nothing else allowed', () => {
    expect(dataSchema(parcelSent)).toMatchObject({
      title: 'ParcelSent v3',
      description: 'A parcel left the warehouse.',
      type: 'object',
      required: ['parcelId', 'carrier'],
      additionalProperties: false,
      properties: { parcelId: { type: 'string', description: 'The parcel.' }, carrier: { type: 'string', description: 'Who carries it.' } },
      examples: [{ parcelId: 'p-1', carrier: 'post' }],
    });
  });
});
