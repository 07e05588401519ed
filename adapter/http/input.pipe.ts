import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { validateInput } from './validate-input';

/** Validates a request body against its input class, exactly as the NATS edge does. */
@Injectable()
export class InputPipe implements PipeTransform<unknown, object> {
  transform(value: unknown, metadata: ArgumentMetadata): object {
    const type = metadata.metatype as ClassConstructor<object> | undefined;
    if (!type || metadata.type !== 'body') return value as object;
    return validateInput(type, value);
  }
}
