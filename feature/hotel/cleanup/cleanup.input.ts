import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@adapter/http/validators';
import { RoomRef } from '../hotel.input';

export class CleanupData {
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @IsCalendarDate()
  readonly date!: string;
}

/** `{"data":{"room":{"id":1},"date":"2022-12-12"}}` */
export class CleanupInput {
  @IsDefined()
  @ValidateNested()
  @Type(() => CleanupData)
  readonly data!: CleanupData;
}
