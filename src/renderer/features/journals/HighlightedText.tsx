import { textSegments } from './textSegments';

/** Shared with the other text: a marked background that prints and reads in both colour schemes. */
const COPIED_STYLE = { background: '#ffe58f', color: 'inherit', padding: 0, borderRadius: 2 } as const;

/** A text with its copied runs marked (data-copied, so tests and screen readers find them). */
export function HighlightedText({ text, spans }: { text: string; spans: readonly (readonly [number, number])[] }) {
  return (
    <div data-testid="entry-text" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.75, fontSize: 14 }}>
      {textSegments(text, spans).map((segment, i) =>
        segment.copied ? (
          <mark key={i} data-copied="true" style={COPIED_STYLE}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
