import { Foundation1795440859038 } from './1795440859038-Foundation';
import { RecordAppendOnly1795440859039 } from './1795440859039-RecordAppendOnly';
import { ChainAndVoting1795442252581 } from './1795442252581-ChainAndVoting';
import { TallyImmutable1795442252582 } from './1795442252582-TallyImmutable';
import { SealsAndDocuments1795450000000 } from './1795450000000-SealsAndDocuments';
import { Hearings1795460000000 } from './1795460000000-Hearings';
import { Finance1795470000000 } from './1795470000000-Finance';
import { RecordHeads1795480000000 } from './1795480000000-RecordHeads';
import { CastBallot1795480000001 } from './1795480000001-CastBallot';

/** Every migration, in order. A merged migration is never edited; a new one follows it. */
export const MIGRATIONS: Function[] = [
  Foundation1795440859038,
  RecordAppendOnly1795440859039,
  ChainAndVoting1795442252581,
  TallyImmutable1795442252582,
  SealsAndDocuments1795450000000,
  Hearings1795460000000,
  Finance1795470000000,
  RecordHeads1795480000000,
  CastBallot1795480000001,
];
