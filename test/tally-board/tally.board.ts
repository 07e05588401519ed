import { demoCommand, type Board } from '@libs/event-model/board';
import { AddMarkController, TallyTotalsController } from './tally.controllers';
import { ADD_MARK, CLOSE_SHEET, TALLY_TOTALS } from './tally.slices';
import { TALLY_STREAM, tallyCommandSubjectFilter } from './tally.stream';

/**
 * A second, small board that only the tests run: sheets take marks and close at three. It shows that a
 * board is its own files and one entry in the app's list of boards: nothing in `adapter/` or `app/` names it.
 */
export const TALLY_BOARD: Board = {
  name: 'tally',
  title: 'Tally',
  actors: [
    { name: 'Counter', kind: 'person' },
    { name: 'Clerk', kind: 'system' },
  ],
  streams: [TALLY_STREAM],
  commandSubjects: tallyCommandSubjectFilter(),
  slices: [ADD_MARK, TALLY_TOTALS, CLOSE_SHEET],
  controllers: [AddMarkController, TallyTotalsController],
  demo: [demoCommand(ADD_MARK, { type: 'AddMark', data: { sheetId: 'demo', by: 'the demo' } })],
};
