import { setTimeout as sleep } from "node:timers/promises";
import type { JetStreamManager } from "@nats-io/jetstream";
import type { Kvm } from "@nats-io/kv";
import {
  HOTEL_STREAM,
  roomDaySubjectFilter,
  roomSubjectFilter,
} from "@stream/hotel.stream";
import { PROGRESS_BUCKET } from "@adapter/projection/kv-projector";
import { bookingBoard } from "@feature/hotel/booking-board/booking-board.projection";
import { cleanupSchedule } from "@feature/hotel/cleanup-schedule/cleanup-schedule.projection";
import { roomList } from "@feature/hotel/room-list/room-list.projection";

/** The app's views of the hotel stream, and the subjects each reads. */
const HOTEL_VIEWS = [
  { name: bookingBoard.name, filter: roomDaySubjectFilter() },
  { name: cleanupSchedule.name, filter: roomDaySubjectFilter() },
  { name: roomList.name, filter: roomSubjectFilter() },
] as const;

/**
 * Views that have not yet applied the last message of the stream they read, each with where it stands.
 * A view's progress is its checkpoint in the projectors' bucket: the stream sequence through which its
 * lease holder has applied and stored every document.
 */
export const viewsBehind = async (
  jsm: JetStreamManager,
  kvm: Kvm,
): Promise<string[]> => {
  const progress = await kvm.open(PROGRESS_BUCKET);
  const behind: string[] = [];
  for (const { name, filter } of HOTEL_VIEWS) {
    const last =
      (
        await jsm.streams.getMessage(HOTEL_STREAM.name, {
          last_by_subj: filter,
        })
      )?.seq ?? 0;
    const checkpoint = Number(
      (await progress.get(`checkpoint.${name}`))?.string() ?? 0,
    );
    if (checkpoint < last)
      behind.push(`view ${name} at ${checkpoint} of ${last}`);
  }
  return behind;
};

/** Polls until every view has applied the last message it reads; fails naming those still behind. */
export const viewsCaughtUp = async (
  nats: { readonly jsm: JetStreamManager; readonly kvm: Kvm },
  timeoutMs: number,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = await viewsBehind(nats.jsm, nats.kvm).catch(
      (error: unknown) => [`no answer (${String(error)})`],
    );
    if (behind.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `the views did not catch up within ${timeoutMs} ms: ${behind.join("; ")}`,
      );
    await sleep(250);
  }
};
