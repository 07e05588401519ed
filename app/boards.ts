import { GROUP_CHECKOUT_BOARD } from '@feature/group-checkout/group-checkout.board';
import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { NOTIFICATION_BOARD } from '@feature/notification/notification.board';
import { PAGER_BOARD } from '@feature/pager/pager.board';
import { REMINDER_BOARD } from '@feature/reminder/reminder.board';
import type { Board } from '@libs/event-model/board';

/**
 * The boards the app runs: the one list a new board is added to. Everything that must know every stream,
 * view, automation, command subject or permission is derived from it.
 */
export const BOARDS: readonly Board[] = [HOTEL_BOARD, REMINDER_BOARD, GROUP_CHECKOUT_BOARD, NOTIFICATION_BOARD, PAGER_BOARD];
