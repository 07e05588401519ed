import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { FieldError } from '@libs/errors/domain-error';

/** A part of the delay may be left out (it is then 0), but not sent as `null`. */
const present = (_input: object, value: unknown): boolean => value !== undefined;

/** The longest delay a reminder takes: a year. */
export const MAX_DELAY_SECONDS = 366 * 24 * 60 * 60;

/** `{"hours":0,"minutes":0,"seconds":30,"address":"http://…"}`: a delay of more than 0 and at most a year, and where to call back. */
export class DefineReminderInput {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 8_784, example: 0, description: 'Hours of the delay (0 when left out)' })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(8_784)
  readonly hours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 0, description: 'Minutes of the delay (0 when left out)' })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_DELAY_SECONDS / 60)
  readonly minutes?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 30, description: 'Seconds of the delay (0 when left out)' })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_DELAY_SECONDS)
  readonly seconds?: number;

  @ApiProperty({ example: 'http://127.0.0.1:3000/api/v1/reminders', description: 'The http or https URL the callback is posted to' })
  @IsString()
  @MaxLength(2_048)
  readonly address!: string;
}

/** The delay's problems as failing fields: it must be more than 0 and at most a year. */
export const delayProblems = ({ hours = 0, minutes = 0, seconds = 0 }: DefineReminderInput): FieldError[] => {
  const total = (hours * 60 + minutes) * 60 + seconds;
  if (total === 0) return [{ field: 'seconds', messages: ['the delay (hours, minutes, seconds) must be more than 0'] }];
  if (total > MAX_DELAY_SECONDS) return [{ field: 'hours', messages: [`the delay must be at most a year (${MAX_DELAY_SECONDS} seconds)`] }];
  return [];
};
