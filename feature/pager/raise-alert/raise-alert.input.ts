import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { ServiceRef } from '../pager.input';

export class RaiseAlertData {
  @ApiProperty({ type: ServiceRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceRef)
  readonly service!: ServiceRef;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 500, example: 'checkout answers 500 on every request' })
  @IsString()
  @Length(1, 500)
  readonly message!: string;
}

/** `{"data":{"service":{"id":"checkout"},"message":"checkout answers 500 on every request"}}` */
export class RaiseAlertInput {
  @ApiProperty({ type: RaiseAlertData })
  @IsDefined()
  @ValidateNested()
  @Type(() => RaiseAlertData)
  readonly data!: RaiseAlertData;
}
