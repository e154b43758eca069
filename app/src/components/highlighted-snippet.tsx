import { Fragment } from 'react';

/**
 * A search snippet whose hits are marked `[[word]]`: the hits become <mark>, and everything
 * is React text, so nothing in a snippet can become HTML.
 */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(/\[\[(.*?)\]\]/su);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <mark key={index}>{part}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
