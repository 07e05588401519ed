import { HOTEL_STREAM } from "@stream/hotel.stream";
import {
  decodeEvents,
  encodeEvents,
  UndecodableEvent,
} from "./cloudevent.codec";

const SUBJECT = "hotel.room-day.1.2022-12-12";
const booked = {
  type: "RoomBooked",
  data: { roomId: "1", clientId: "7", date: "2022-12-12" },
};
const stored = (body: string) => ({ subject: SUBJECT, sequence: 3, body });
const encoded = () =>
  JSON.parse(
    encodeEvents(HOTEL_STREAM, [booked], ["e-1"], {
      source: "/hotel/book-room",
      subject: SUBJECT,
      correlationId: "c-1",
      causationId: "k-1",
      time: "2022-12-01T10:00:00.000Z",
    }).body,
  ) as Record<string, unknown>;

describe("CloudEvents codec", () => {
  it("decodes what it encodes, with the envelope as metadata", () => {
    const [recorded] = decodeEvents(
      HOTEL_STREAM,
      stored(JSON.stringify(encoded())),
    );
    expect(recorded).toEqual({
      event: booked,
      metadata: {
        id: "e-1",
        stream: "HOTEL",
        subject: SUBJECT,
        sequence: 3,
        time: "2022-12-01T10:00:00.000Z",
        correlationId: "c-1",
        causationId: "k-1",
      },
    });
  });

  it.each(["id", "time"])(
    "refuses an event without %s, which a replay could not decode the same way twice",
    (attribute) => {
      const event = encoded();
      delete event[attribute];
      expect(() =>
        decodeEvents(HOTEL_STREAM, stored(JSON.stringify(event))),
      ).toThrow(UndecodableEvent);
    },
  );

  it("refuses a batch in which one event is broken", () => {
    const broken = { ...encoded(), type: "hotel.RoomBooked.v9" };
    expect(() =>
      decodeEvents(HOTEL_STREAM, stored(JSON.stringify([encoded(), broken]))),
    ).toThrow(UndecodableEvent);
  });
});
