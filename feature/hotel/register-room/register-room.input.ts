import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { RoomRef } from '../hotel.input';

export class RegisterRoomData {
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly name?: string;
}

/** `{"data":{"room":{"id":1},"name":"Sea view"}}` */
export class RegisterRoomInput {
  @IsDefined()
  @ValidateNested()
  @Type(() => RegisterRoomData)
  readonly data!: RegisterRoomData;
}
