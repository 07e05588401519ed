import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { IsEntityId } from '@adapter/edge/validators';

/** `{"id": 1}`: a room as commands name it. */
export class RoomRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": 1}`: a client as commands name it. */
export class ClientRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}
