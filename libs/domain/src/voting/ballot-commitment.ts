import { canonicalJson } from '../record/canonical-json';
import { sha256Hex } from '../record/hash-chain';

/**
 * What a ballot's record entry commits to. The choice enters as it is stored (sealed until the close), so the
 * commitment can be checked at any time without the key, and a nonce kept only in the ballot row means that a
 * receipt plus every record entry reveals nothing: there is nothing to try guesses against.
 * cast_ballot computes the same in SQL (libs/database/src/functions/cast_ballot.sql, ballot_commitment); a test
 * compares the two.
 */
export interface CommittedBallot {
  voteId: string;
  motionId: string;
  voterKey: string;
  areaHundredths: string;
  storedChoice: string;
  nonce: string;
}

export function ballotCommitment(b: CommittedBallot): string {
  return sha256Hex(canonicalJson([b.voteId, b.motionId, b.voterKey, b.areaHundredths, b.storedChoice, b.nonce]));
}

export interface BallotRow extends CommittedBallot {
  id: string;
  status: string;
}

export interface BallotCheck<R extends BallotRow> {
  /** Rows whose commitment is in the record: the ones a tally may count. */
  matching: R[];
  /** Rows that no longer match any commitment of the record (changed, or inserted behind the record's back). */
  mismatched: R[];
  /** Commitments in the record with no matching row (a ballot deleted or changed). */
  unmatchedCommitments: string[];
}

/**
 * Sets the ballot rows of one vote against the commitments its record entries hold. A row cast before
 * commitments existed (`isLegacy`: no nonce, choice in clear — the caller knows the storage format) has
 * nothing to be checked against and counts as matching; a vote cast across the upgrade keeps those ballots.
 * Tampering that makes a row look legacy still shows: its own commitment is then left unmatched.
 */
export function checkBallots<R extends BallotRow>(
  rows: R[],
  commitments: string[],
  isLegacy: (row: R) => boolean = (row) => !row.nonce,
): BallotCheck<R> {
  const open = new Map<string, number>();
  for (const c of commitments) open.set(c, (open.get(c) ?? 0) + 1);
  const matching: R[] = [];
  const mismatched: R[] = [];
  for (const row of rows) {
    if (!row.nonce && isLegacy(row)) {
      matching.push(row);
      continue;
    }
    const c = row.nonce ? ballotCommitment(row) : null;
    const left = c ? (open.get(c) ?? 0) : 0;
    if (c && left > 0) {
      open.set(c, left - 1);
      matching.push(row);
    } else {
      mismatched.push(row);
    }
  }
  const unmatchedCommitments = [...open.entries()].flatMap(([c, n]) => Array<string>(n).fill(c));
  return { matching, mismatched, unmatchedCommitments };
}
