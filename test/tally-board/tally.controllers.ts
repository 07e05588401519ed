import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import type { CommandContext } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { storedEventsReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { QueryParams } from '@adapter/edge/query-params';
import { entityId, IsEntityId } from '@adapter/edge/validators';
import { ApiCommand, ENTITY_ID_PROPERTY } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewAnswer } from '@adapter/runtime/view.runner';
import { ADD_MARK, TALLY_TOTALS, type TallyTotal } from './tally.slices';
import { tallyCommandSubject } from './tally.stream';

class SheetRef {
  @ApiProperty(ENTITY_ID_PROPERTY)
  @IsEntityId()
  readonly id!: number | string;
}

class AddMarkData {
  @ApiProperty({ type: SheetRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => SheetRef)
  readonly sheet!: SheetRef;

  @ApiProperty({ example: 'ada' })
  @IsString()
  @Length(1, 40)
  readonly by!: string;
}

/** `{"data":{"sheet":{"id":"s1"},"by":"ada"}}` */
export class AddMarkInput {
  @ApiProperty({ type: AddMarkData })
  @IsDefined()
  @ValidateNested()
  @Type(() => AddMarkData)
  readonly data!: AddMarkData;
}

@Controller('mutation')
export class AddMarkController {
  constructor(private readonly slices: SliceHandlers) {}

  @Put('add-mark')
  @MessagePattern(tallyCommandSubject('add-mark'))
  @ApiCommand('Add a mark to a sheet', ['sheet-closed'])
  async addMark(@Body(InputPipe) input: AddMarkInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command = { type: 'AddMark' as const, data: { sheetId: entityId(input.data.sheet.id), by: input.data.by } };
    return storedEventsReply(201, await this.slices.handler(ADD_MARK).handle(command, caller));
  }
}

@Controller('query')
export class TallyTotalsController {
  constructor(private readonly views: BoardViews) {}

  @Get('tally/:sheetId')
  async total(@Param('sheetId') sheetId: string): Promise<ViewAnswer<TallyTotal>> {
    const params = new QueryParams();
    const id = params.entityId('sheetId', sheetId);
    params.check();
    return this.views.of(TALLY_TOTALS).query(id, `sheet ${id} has no marks`);
  }
}
