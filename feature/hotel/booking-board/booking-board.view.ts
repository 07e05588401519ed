import { Inject, Injectable } from '@nestjs/common';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { NatsClient } from '@adapter/nats/nats.client';
import { APP_CONFIG } from '@adapter/runtime/app-config.token';
import type { AppConfig } from '@adapter/runtime/app.config';
import { Consumers } from '@adapter/runtime/consumers';
import { ViewRunner, type ViewAnswer } from '@adapter/runtime/view.runner';
import { bookingBoard, bookingBoardKey, type BookingBoard } from './booking-board.projection';
import { BOOKING_BOARD } from './booking-board.slice';

/** Keeps the `view-booking-board` bucket up to date from the room-days, and reads it. */
@Injectable()
export class BookingBoardView extends ViewRunner<HotelEvent, BookingBoard> {
  constructor(nats: NatsClient, @Inject(APP_CONFIG) config: AppConfig, consumers: Consumers) {
    super(nats, config, consumers, { stream: HOTEL_STREAM, filterSubject: BOOKING_BOARD.subjects, projection: bookingBoard });
  }

  find(roomId: string, date: string, sequence?: number): Promise<ViewAnswer<BookingBoard>> {
    return this.query(bookingBoardKey(roomId, date), `room ${roomId} has no booking on ${date}`, sequence);
  }
}
