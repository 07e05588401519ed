import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { IsEntityId } from '@adapter/edge/validators';

/** `{"id": "ada"}`: a recipient as commands name it. */
export class RecipientRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": "order-4711-shipped"}`: a notification as a client names it, to send it once whatever happens. */
export class NotificationRef {
  @ApiProperty({ ...ENTITY_ID_PROPERTY, description: 'The client\'s own id for the notification: sending it again with the same id sends nothing new and answers the same tracking id.' })
  @IsEntityId()
  readonly id!: number | string;
}
