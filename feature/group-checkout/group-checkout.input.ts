import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { IsEntityId } from '@adapter/edge/validators';

/** The largest amount a command takes, in cents: ten million in the currency's units. */
export const MAX_AMOUNT = 1_000_000_000;

const AMOUNT_PROPERTY: ApiPropertyOptions = {
  type: 'integer',
  minimum: 1,
  maximum: MAX_AMOUNT,
  description: `Money in minor units (cents): a whole number from 1 to ${MAX_AMOUNT}`,
  example: 1250,
};

/** An amount of money: a whole number of cents from 1 to `MAX_AMOUNT`, never a fraction or a string. */
export const IsAmount = (): PropertyDecorator => applyDecorators(ApiProperty(AMOUNT_PROPERTY), IsInt(), Min(1), Max(MAX_AMOUNT));

/** `{"id": "stay-101"}`: a guest stay as commands name it. */
export class StayRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": "wedding-7"}`: a group checkout as commands name it. */
export class GroupRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": "minibar-1"}`: a charge as the front desk numbered it. */
export class ChargeRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": "card-1"}`: a payment as the till numbered it. */
export class PaymentRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}
