import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@adapter/http/validators';
import { ClientRef, RoomRef } from '../hotel.input';

export class BookRoomData {
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @IsDefined()
  @ValidateNested()
  @Type(() => ClientRef)
  readonly client!: ClientRef;

  @IsCalendarDate()
  readonly date!: string;
}

/** `{"data":{"room":{"id":1},"client":{"id":1},"date":"2022-12-12"}}` */
export class BookRoomInput {
  @IsDefined()
  @ValidateNested()
  @Type(() => BookRoomData)
  readonly data!: BookRoomData;
}
