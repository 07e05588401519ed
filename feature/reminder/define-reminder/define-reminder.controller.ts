import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { InvalidInput } from '@libs/errors/domain-error';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { reminderCommandSubject } from '@stream/reminder.stream';
import { BoardSettings } from '@adapter/config/board-settings';
import { AddressPolicy, AddressRefused } from '@adapter/effects/address-policy';
import { Caller } from '@adapter/edge/caller.decorator';
import { CommandReply } from '@adapter/edge/command-reply';
import { validateInput } from '@adapter/edge/validate-input';
import { ApiProblems } from '@adapter/http/problem.responses';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { reminderAnswer, REMINDER_ANSWER } from '../reminder.answer';
import type { ReminderLife } from '../reminder.lifecycle';
import { REMINDER_CALLBACK_ALLOW } from '../reminder.settings';
import type { DefineReminder } from './define-reminder.decider';
import { delayProblems, DefineReminderInput } from './define-reminder.input';
import { DEFINE_REMINDER } from './define-reminder.slice';

/** The `ce-id` of a CloudEvent posted in HTTP binary mode: a reminder's callback, when the address is this very service. */
const CallbackId = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  if (context.getType() !== 'http') return undefined;
  const id = context.switchToHttp().getRequest<FastifyRequest>().headers['ce-id'];
  return typeof id === 'string' ? id : undefined;
});

@Controller('api/v1/reminders')
export class DefineReminderController {
  private readonly decide: CommandHandler<DefineReminder, ReminderLife, ReminderEvent>;
  private readonly addresses: AddressPolicy;

  constructor(slices: SliceHandlers, settings: BoardSettings) {
    this.decide = slices.handler(DEFINE_REMINDER);
    this.addresses = new AddressPolicy(settings.text(REMINDER_CALLBACK_ALLOW));
  }

  /**
   * 200 with the new reminder's id, status and seconds left. A CloudEvent posted here (a reminder calling this
   * service back, as the seed's own example does) is taken and answered 200, and defines nothing.
   */
  @Post()
  @MessagePattern(reminderCommandSubject('define-reminder'))
  @ApiOperation({ summary: 'Define a reminder: after the delay, the address is called back with a CloudEvent' })
  @ApiBody({ type: DefineReminderInput })
  @ApiOkResponse({ schema: REMINDER_ANSWER })
  @ApiProblems([400, 401, 413, 429, 503])
  async define(@Body() body: unknown, @CallbackId() callback: string | undefined, @Caller() caller: CommandContext): Promise<CommandReply> {
    if (callback !== undefined) return new CommandReply(200, { received: callback });
    const input = validateInput(DefineReminderInput, body);
    const problems = delayProblems(input);
    if (problems.length > 0) throw new InvalidInput(`invalid input: ${problems.map(({ field }) => field).join(', ')}`, problems);
    await this.addresses.check(input.address).catch((error: unknown) => {
      if (!(error instanceof AddressRefused)) throw error;
      throw new InvalidInput('invalid input: address', [{ field: 'address', messages: [`address ${error.message}`] }]);
    });
    const { hours = 0, minutes = 0, seconds = 0, address } = input;
    const command: DefineReminder = { type: 'DefineReminder', data: { reminderId: randomUUID(), address, hours, minutes, seconds, definedAt: new Date().toISOString() } };
    const decision = await this.decide.handle(command, caller);
    return new CommandReply(200, reminderAnswer(command.data.reminderId, decision.state));
  }
}
