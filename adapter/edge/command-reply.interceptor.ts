import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { CommandReply, CORRELATION_HEADER } from './command-reply';

/**
 * A handler answers a command with a `CommandReply`, whatever its trigger. Over HTTP it becomes the
 * response's status and body, with the correlation id echoed; over NATS the transport writes it as the
 * reply (`Status` header, JSON body). Any other answer passes through as it is.
 */
@Injectable()
export class CommandReplyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((answer: unknown) => {
        if (!(answer instanceof CommandReply)) return answer;
        void http.getResponse<FastifyReply>().status(answer.status).header(CORRELATION_HEADER, http.getRequest<FastifyRequest>().id);
        return answer.body;
      }),
    );
  }
}
