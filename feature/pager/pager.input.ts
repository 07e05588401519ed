import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { IsEntityId } from '@adapter/edge/validators';

/** `{"id": "checkout"}`: a monitored service as commands name it. */
export class ServiceRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}
