import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import type { Board } from '@libs/event-model/board';

/** Every Event Model the app runs, as its slices declare them. */
export const BOARDS: readonly Board[] = [HOTEL_BOARD];
