import { Body, Controller, Delete, Param } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { reminderCommandSubject } from '@stream/reminder.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import { CommandReply } from '@adapter/edge/command-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { validateInput } from '@adapter/edge/validate-input';
import { ApiProblems } from '@adapter/http/problem.responses';
import { reminderAnswer, REMINDER_ANSWER } from '../reminder.answer';
import type { ReminderLife } from '../reminder.lifecycle';
import type { CancelReminder } from './cancel-reminder.decider';
import { CANCEL_REMINDER } from './cancel-reminder.slice';

/** `{"id":"<uuid>"}`: the reminder to cancel (over NATS; over HTTP the id is the path's). */
export class CancelReminderInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly id!: string;
}

@Controller('api/v1/reminders')
export class CancelReminderController {
  private readonly decide: CommandHandler<CancelReminder, ReminderLife, ReminderEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CANCEL_REMINDER);
  }

  /** 200 with the reminder, now Cancelled (the same again for a repeat); 404 for an unknown id; 409 once it completed or failed. */
  @Delete(':id')
  @ApiOperation({ summary: 'Cancel a reminder: it calls nobody back any more' })
  @ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: REMINDER_ANSWER })
  @ApiProblems([400, 401, 404, 409, 429, 503], { 409: 'Rules: `reminder-already-finished`.' })
  cancelOverHttp(@Param('id') id: string, @Caller() caller: CommandContext): Promise<CommandReply> {
    return this.cancel(validateInput(CancelReminderInput, { id }), caller);
  }

  @MessagePattern(reminderCommandSubject('cancel-reminder'))
  cancelOverNats(@Body(InputPipe) input: CancelReminderInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    return this.cancel(input, caller);
  }

  private async cancel({ id }: CancelReminderInput, caller: CommandContext): Promise<CommandReply> {
    const decision = await this.decide.handle({ type: 'CancelReminder', data: { reminderId: id } }, caller);
    return new CommandReply(200, reminderAnswer(id, decision.state));
  }
}
