import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { IsEntityId } from '@adapter/edge/validators';

/** `{"id": "checkout"}`: a monitored service as commands name it. */
export class ServiceRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

export class ServiceData {
  @ApiProperty({ type: ServiceRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceRef)
  readonly service!: ServiceRef;
}

/** `{"data":{"service":{"id":"checkout"}}}`: a command about a service and nothing else. */
export class ServiceInput {
  @ApiProperty({ type: ServiceData })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceData)
  readonly data!: ServiceData;
}
