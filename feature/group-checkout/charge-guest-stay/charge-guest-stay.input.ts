import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ChargeRef, IsAmount, StayRef } from '../group-checkout.input';

export class ChargeGuestStayData {
  @ApiProperty({ type: StayRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => StayRef)
  readonly stay!: StayRef;

  @ApiProperty({ type: ChargeRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => ChargeRef)
  readonly charge!: ChargeRef;

  @IsAmount()
  readonly amount!: number;
}

/** `{"data":{"stay":{"id":"stay-101"},"charge":{"id":"minibar-1"},"amount":1250}}` */
export class ChargeGuestStayInput {
  @ApiProperty({ type: ChargeGuestStayData })
  @IsDefined()
  @ValidateNested()
  @Type(() => ChargeGuestStayData)
  readonly data!: ChargeGuestStayData;
}
