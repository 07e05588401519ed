import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { StayRef } from '../group-checkout.input';

export class CheckOutGuestStayData {
  @ApiProperty({ type: StayRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => StayRef)
  readonly stay!: StayRef;
}

/** `{"data":{"stay":{"id":"stay-101"}}}` */
export class CheckOutGuestStayInput {
  @ApiProperty({ type: CheckOutGuestStayData })
  @IsDefined()
  @ValidateNested()
  @Type(() => CheckOutGuestStayData)
  readonly data!: CheckOutGuestStayData;
}
