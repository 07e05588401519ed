import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsAmount, PaymentRef, StayRef } from '../group-checkout.input';

export class PayGuestStayData {
  @ApiProperty({ type: StayRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => StayRef)
  readonly stay!: StayRef;

  @ApiProperty({ type: PaymentRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => PaymentRef)
  readonly payment!: PaymentRef;

  @IsAmount()
  readonly amount!: number;
}

/** `{"data":{"stay":{"id":"stay-101"},"payment":{"id":"card-1"},"amount":1250}}` */
export class PayGuestStayInput {
  @ApiProperty({ type: PayGuestStayData })
  @IsDefined()
  @ValidateNested()
  @Type(() => PayGuestStayData)
  readonly data!: PayGuestStayData;
}
