import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { FieldError } from '@libs/errors/domain-error';
import { ServiceRef } from '../pager.input';

/** A phone number as SMS gateways take it: E.164, a `+` and 7 to 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** `{"email":"oncall@example.com"}` or `{"sms":"+15551234567"}`: one target, reached one way. */
export class TargetInput {
  @ApiPropertyOptional({ type: 'string', format: 'email', maxLength: 254, example: 'oncall@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ require_tld: false })
  readonly email?: string;

  @ApiPropertyOptional({ type: 'string', pattern: E164.source, example: '+15551234567' })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'sms must be a phone number in E.164: + and 7 to 15 digits' })
  readonly sms?: string;
}

/** One level of the policy: who is notified together. */
export class LevelInput {
  @ApiProperty({ type: [TargetInput], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TargetInput)
  readonly targets!: TargetInput[];
}

export class SetEscalationPolicyData {
  @ApiProperty({ type: ServiceRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceRef)
  readonly service!: ServiceRef;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 86_400, example: 900, description: 'How long a level has to acknowledge before the next one is notified, in seconds.' })
  @IsInt()
  @Min(1)
  @Max(86_400)
  readonly ackTimeoutSeconds!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10, default: 0, description: 'How many times the whole policy runs again after its last level before the escalation is exhausted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  readonly repeat?: number;

  @ApiProperty({ type: [LevelInput], minItems: 1, maxItems: 10, description: 'The levels, in the order they are notified.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LevelInput)
  readonly levels!: LevelInput[];
}

/** `{"data":{"service":{"id":"checkout"},"ackTimeoutSeconds":900,"repeat":0,"levels":[{"targets":[{"email":"oncall@example.com"}]},{"targets":[{"sms":"+15551234567"}]}]}}` */
export class SetEscalationPolicyInput {
  @ApiProperty({ type: SetEscalationPolicyData })
  @IsDefined()
  @ValidateNested()
  @Type(() => SetEscalationPolicyData)
  readonly data!: SetEscalationPolicyData;
}

/** A target must say exactly one way to reach it. */
export const targetProblems = ({ data }: SetEscalationPolicyInput): FieldError[] =>
  data.levels.flatMap(({ targets }, level) =>
    targets.flatMap((target, index) =>
      (target.email === undefined) === (target.sms === undefined)
        ? [{ field: `data.levels.${level}.targets.${index}`, messages: ['a target is reached one way: give either email or sms'] }]
        : [],
    ),
  );
