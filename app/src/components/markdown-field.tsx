import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { MarkdownPreview } from './markdown-preview.tsx';

/**
 * A Markdown textarea with two tabs, "Skriv" and "Forhåndsvisning" (arrow keys move between
 * them, as the WAI-ARIA tabs pattern says). The preview renders tables and escapes raw HTML.
 */
export function MarkdownField({
  label,
  value,
  onChange,
  disabled = false,
  rows = 8,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  const [isPreview, setIsPreview] = useState(false);
  const writeTab = useRef<HTMLButtonElement>(null);
  const previewTab = useRef<HTMLButtonElement>(null);

  const choose = (preview: boolean): void => {
    setIsPreview(preview);
    (preview ? previewTab : writeTab).current?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      if (event.key === 'Home') choose(false);
      else if (event.key === 'End') choose(true);
      else choose(!isPreview);
    }
  };

  return (
    <div className="field markdown-field">
      <div className="markdown-field-top">
        <label htmlFor={`${id}-text`}>{label}</label>
        {/* Named without the field's label, so that only the textarea answers to that label. */}
        <div role="tablist" aria-label="Skriv eller forhåndsvis" className="tabs">
          <button
            ref={writeTab}
            type="button"
            role="tab"
            id={`${id}-write-tab`}
            aria-selected={!isPreview}
            aria-controls={`${id}-write`}
            tabIndex={isPreview ? -1 : 0}
            onClick={() => choose(false)}
            onKeyDown={onTabKey}
          >
            Skriv<span className="visually-hidden"> {label}</span>
          </button>
          <button
            ref={previewTab}
            type="button"
            role="tab"
            id={`${id}-preview-tab`}
            aria-selected={isPreview}
            aria-controls={`${id}-preview`}
            tabIndex={isPreview ? 0 : -1}
            onClick={() => choose(true)}
            onKeyDown={onTabKey}
          >
            Forhåndsvisning<span className="visually-hidden"> af {label}</span>
          </button>
        </div>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <div role="tabpanel" id={`${id}-write`} hidden={isPreview}>
        <textarea
          id={`${id}-text`}
          rows={rows}
          value={value}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <div
        role="tabpanel"
        id={`${id}-preview`}
        hidden={!isPreview}
        className="preview-panel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable per the tabs pattern
        tabIndex={0}
      >
        {isPreview ? <MarkdownPreview text={value} /> : null}
      </div>
    </div>
  );
}
