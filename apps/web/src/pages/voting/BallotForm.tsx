import { useState } from 'react';
import type { Choice, Motion, Receipt } from '../../api';
import { Button, Card, ConfirmDialog } from '../../lite/ui';
import { choiceLabel, choiceOptions } from './choices';

/** A motion's full text, three lines at first (long texts), with a toggle. */
function MotionText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 120 || text.split('\n').length > 3;
  return (
    <div style={{ marginBottom: 12 }}>
      <p
        className="gy-l-muted"
        style={{
          whiteSpace: 'pre-wrap',
          margin: 0,
          ...(long && !open ? { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' } : {}),
        }}
      >
        {text}
      </p>
      {long && (
        <Button kind="link" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? '收起' : '展开议案全文'}
        </Button>
      )}
    </div>
  );
}

/**
 * One clear choice per motion in large buttons, then a confirmation that names every choice and says the ballot
 * cannot be changed, then the cast. Light markup: the owner's ballot page loads no Ant Design (issue 15).
 */
export function BallotForm({
  motions,
  forWhom,
  onCast,
}: {
  motions: Motion[];
  /** Shown in the confirmation, e.g. "本人" or "代 张伟". */
  forWhom: string;
  onCast: (choices: Choice[]) => Promise<Receipt>;
}) {
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState(false);
  const complete = motions.every((m) => picked[m.id]);

  return (
    <div data-testid="ballot-form">
      {motions.map((m) => (
        <Card key={m.id} title={`议案 ${m.seq}：${m.title}`}>
          <MotionText text={m.fullText} />
          <div role="radiogroup" aria-label={`议案 ${m.seq} 的选择`} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            {choiceOptions(m).map((o) => {
              const selected = picked[m.id] === o.value;
              return (
                <button
                  key={o.value}
                  type="button"
                  role="radio"
                  aria-checked={selected}
                  data-testid={`choice-${m.seq}-${o.value}`}
                  className={`gy-l-btn gy-l-choice${selected ? ' gy-l-btn-primary' : ''}`}
                  onClick={() => setPicked((p) => ({ ...p, [m.id]: o.value }))}
                >
                  {selected ? '✓ ' : ''}
                  {o.label}
                </button>
              );
            })}
          </div>
        </Card>
      ))}
      <Button kind="primary" block disabled={!complete} onClick={() => setAsking(true)} data-testid="cast-ballot">
        {complete ? '提交投票' : '请先对每项议案作出选择'}
      </Button>
      <ConfirmDialog
        open={asking}
        title="确认投票"
        okText="确认投票"
        cancelText="再看看"
        confirmTestId="confirm-cast"
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          onCast(motions.map((m) => ({ motionId: m.id, choice: picked[m.id] })))
            .then(() => setAsking(false))
            .catch(() => undefined)
        }
      >
        <div data-testid="cast-confirmation">
          <p>
            您将以<strong>{forWhom}</strong>的名义投票：
          </p>
          {motions.map((m) => (
            <p key={m.id}>
              议案 {m.seq}「{m.title}」：<strong style={{ fontSize: '1.2em' }}>{choiceLabel(m, picked[m.id])}</strong>
            </p>
          ))}
          <p className="gy-l-danger-text" style={{ fontSize: '1.1em' }}>
            投票后不可更改。
          </p>
        </div>
      </ConfirmDialog>
    </div>
  );
}
