import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { FieldError } from '@libs/errors/domain-error';
import { CHANNELS, type Channel } from '@model/notification/notification.fields';
import { RecipientRef } from '../notification.input';

/** A Slack channel name as Slack allows it: lowercase letters, digits, `-`, `_` and `.`, at most 80, with an optional `#`. */
export const SLACK_CHANNEL = /^#?[a-z0-9][a-z0-9._-]{0,79}$/;

export class RegisterRecipientData {
  @ApiProperty({ type: RecipientRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => RecipientRef)
  readonly recipient!: RecipientRef;

  @ApiPropertyOptional({ type: 'string', format: 'email', maxLength: 254, example: 'ada@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, require_tld: false })
  readonly email?: string;

  @ApiPropertyOptional({ type: 'string', pattern: SLACK_CHANNEL.source, example: '#ada' })
  @IsOptional()
  @IsString()
  @Matches(SLACK_CHANNEL, { message: 'slackChannel must be a Slack channel name: lowercase letters, digits, -, _ and ., at most 80, with an optional #' })
  readonly slackChannel?: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...CHANNELS] }, maxItems: CHANNELS.length, description: 'The channels the recipient wants, in no order; an empty list opts them out of everything.' })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn([...CHANNELS], { each: true })
  readonly channels!: Channel[];
}

/** `{"data":{"recipient":{"id":"ada"},"email":"ada@example.com","slackChannel":"#ada","channels":["email","slack"]}}` */
export class RegisterRecipientInput {
  @ApiProperty({ type: RegisterRecipientData })
  @IsDefined()
  @ValidateNested()
  @Type(() => RegisterRecipientData)
  readonly data!: RegisterRecipientData;
}

/** A channel chosen without the address it needs. */
export const missingAddresses = ({ data }: RegisterRecipientInput): FieldError[] => [
  ...(data.channels.includes('email') && !data.email ? [{ field: 'data.email', messages: ['email is needed for the email channel'] }] : []),
  ...(data.channels.includes('slack') && !data.slackChannel ? [{ field: 'data.slackChannel', messages: ['slackChannel is needed for the slack channel'] }] : []),
];
