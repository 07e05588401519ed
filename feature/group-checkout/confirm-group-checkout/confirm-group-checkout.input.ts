import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { GroupRef } from '../group-checkout.input';

export class ConfirmGroupCheckoutData {
  @ApiProperty({ type: GroupRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => GroupRef)
  readonly group!: GroupRef;
}

/** `{"data":{"group":{"id":"wedding-7"}}}` */
export class ConfirmGroupCheckoutInput {
  @ApiProperty({ type: ConfirmGroupCheckoutData })
  @IsDefined()
  @ValidateNested()
  @Type(() => ConfirmGroupCheckoutData)
  readonly data!: ConfirmGroupCheckoutData;
}
