import { markRuns } from '../../../core/similarity/markRuns';

/** Shared with the other text: a marked background that prints and reads in both colour schemes. */
const COPIED_STYLE = { background: '#ffe58f', color: 'inherit', padding: 0, borderRadius: 2 } as const;
/** District boilerplate (wording several managers use): greyed, so the eye goes to what was copied. */
const BOILERPLATE_STYLE = { color: '#8c8c8c' } as const;

/**
 * A text with its copied runs marked (data-copied, so tests and screen readers find them) and its
 * district boilerplate greyed (data-boilerplate).
 */
export function HighlightedText({
  text,
  spans,
  greyed = [],
}: {
  text: string;
  spans: readonly (readonly [number, number])[];
  greyed?: readonly (readonly [number, number])[];
}) {
  return (
    <div data-testid="entry-text" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.75, fontSize: 14 }}>
      {markRuns(text, spans, greyed).map((run, i) =>
        run.mark === 'copied' ? (
          <mark key={i} data-copied="true" style={COPIED_STYLE}>
            {run.text}
          </mark>
        ) : run.mark === 'boilerplate' ? (
          <span key={i} data-boilerplate="true" style={BOILERPLATE_STYLE}>
            {run.text}
          </span>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </div>
  );
}
