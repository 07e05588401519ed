import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { DATE_PROPERTY } from '@adapter/http/api-operations';
import { IsCalendarDate } from '@adapter/edge/validators';
import { RoomRef } from '../hotel.input';

export class CleanupData {
  @ApiProperty({ type: RoomRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @ApiProperty(DATE_PROPERTY)
  @IsCalendarDate()
  readonly date!: string;
}

/** `{"data":{"room":{"id":1},"date":"2022-12-12"}}` */
export class CleanupInput {
  @ApiProperty({ type: CleanupData })
  @IsDefined()
  @ValidateNested()
  @Type(() => CleanupData)
  readonly data!: CleanupData;
}
