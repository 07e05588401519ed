import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { RoomRef } from '../hotel.input';

export class RegisterRoomData {
  @ApiProperty({ type: RoomRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => RoomRef)
  readonly room!: RoomRef;

  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, description: 'What guests call the room; `Room <id>` when not given', example: 'Sea view' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly name?: string;
}

/** `{"data":{"room":{"id":1},"name":"Sea view"}}` */
export class RegisterRoomInput {
  @ApiProperty({ type: RegisterRoomData })
  @IsDefined()
  @ValidateNested()
  @Type(() => RegisterRoomData)
  readonly data!: RegisterRoomData;
}
