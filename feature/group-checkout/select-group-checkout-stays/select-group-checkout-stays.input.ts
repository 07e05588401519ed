import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { GroupRef, StayRef } from '../group-checkout.input';

/** The most stays one selection takes. */
export const MAX_SELECTED_STAYS = 100;

export class SelectGroupCheckoutStaysData {
  @ApiProperty({ type: GroupRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => GroupRef)
  readonly group!: GroupRef;

  @ApiProperty({ type: [StayRef], minItems: 1, maxItems: MAX_SELECTED_STAYS, description: 'The stays to put on the group\'s list; one given twice is listed once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SELECTED_STAYS)
  @ValidateNested({ each: true })
  @Type(() => StayRef)
  readonly stays!: StayRef[];
}

/** `{"data":{"group":{"id":"wedding-7"},"stays":[{"id":"stay-101"},{"id":"stay-102"}]}}` */
export class SelectGroupCheckoutStaysInput {
  @ApiProperty({ type: SelectGroupCheckoutStaysData })
  @IsDefined()
  @ValidateNested()
  @Type(() => SelectGroupCheckoutStaysData)
  readonly data!: SelectGroupCheckoutStaysData;
}
