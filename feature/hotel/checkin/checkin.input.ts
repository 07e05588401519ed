import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { DATE_PROPERTY } from '@adapter/http/api-operations';
import { IsCalendarDate } from '@adapter/edge/validators';
import { ClientRef, RoomRef } from '../hotel.input';

export class CheckinData {
  @ApiProperty({ type: RoomRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @ApiProperty({ type: ClientRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => ClientRef)
  readonly client!: ClientRef;

  @ApiProperty(DATE_PROPERTY)
  @IsCalendarDate()
  readonly date!: string;
}

/** `{"data":{"room":{"id":1},"client":{"id":1},"date":"2022-12-12"}}` */
export class CheckinInput {
  @ApiProperty({ type: CheckinData })
  @IsDefined()
  @ValidateNested()
  @Type(() => CheckinData)
  readonly data!: CheckinData;
}
