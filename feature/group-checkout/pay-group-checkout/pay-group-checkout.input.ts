import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { GroupRef, IsAmount, PaymentRef } from '../group-checkout.input';

export class PayGroupCheckoutData {
  @ApiProperty({ type: GroupRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => GroupRef)
  readonly group!: GroupRef;

  @ApiProperty({ type: PaymentRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => PaymentRef)
  readonly payment!: PaymentRef;

  @IsAmount()
  readonly amount!: number;
}

/** `{"data":{"group":{"id":"wedding-7"},"payment":{"id":"transfer-1"},"amount":2500}}` */
export class PayGroupCheckoutInput {
  @ApiProperty({ type: PayGroupCheckoutData })
  @IsDefined()
  @ValidateNested()
  @Type(() => PayGroupCheckoutData)
  readonly data!: PayGroupCheckoutData;
}
