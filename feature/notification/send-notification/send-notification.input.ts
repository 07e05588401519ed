import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { NotificationRef, RecipientRef } from '../notification.input';

/** The longest subject line and body a notification may have. */
export const MAX_SUBJECT = 200;
export const MAX_BODY = 10_000;

export class SendNotificationData {
  @ApiPropertyOptional({ type: NotificationRef, description: 'The client\'s own id for the notification, to send it once however often it is asked; the service makes one when it is left out.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationRef)
  readonly notification?: NotificationRef;

  @ApiProperty({ type: RecipientRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => RecipientRef)
  readonly recipient!: RecipientRef;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: MAX_SUBJECT, example: 'Your booking' })
  @IsString()
  @Length(1, MAX_SUBJECT)
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  readonly subject!: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: MAX_BODY, example: 'Room 2 is yours on 2033-03-03.' })
  @IsString()
  @Length(1, MAX_BODY)
  readonly body!: string;
}

/** `{"data":{"notification":{"id":"order-4711-shipped"},"recipient":{"id":"ada"},"subject":"Your booking","body":"Room 2 is yours."}}` */
export class SendNotificationInput {
  @ApiProperty({ type: SendNotificationData })
  @IsDefined()
  @ValidateNested()
  @Type(() => SendNotificationData)
  readonly data!: SendNotificationData;
}
