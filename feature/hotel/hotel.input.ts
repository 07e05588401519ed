import { IsEntityId } from '@adapter/http/validators';

/** `{"id": 1}`: a room as commands name it. */
export class RoomRef {
  @IsEntityId()
  readonly id!: number | string;
}

/** `{"id": 1}`: a client as commands name it. */
export class ClientRef {
  @IsEntityId()
  readonly id!: number | string;
}
