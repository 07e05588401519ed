import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { validateInput } from './validate-input';

/**
 * Validates a command's body against its input class: `@Body(InputPipe)`, which Nest hands the HTTP body
 * and the NATS message's payload alike (a body and a payload are the same parameter to Nest).
 */
@Injectable()
export class InputPipe implements PipeTransform<unknown, object> {
  transform(value: unknown, metadata: ArgumentMetadata): object {
    const type = metadata.metatype as ClassConstructor<object> | undefined;
    if (!type) return value as object;
    return validateInput(type, value);
  }
}
