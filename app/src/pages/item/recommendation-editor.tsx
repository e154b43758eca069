import { useEffect, useId, useRef } from 'react';

/** Indstilling: the proposer ("Kommunaldirektøren indstiller,") and numbered at-points. */
export function RecommendationEditor({
  proposer,
  points,
  disabled,
  onChange,
}: {
  proposer: string;
  points: readonly string[];
  disabled: boolean;
  onChange: (change: { proposer?: string; points?: string[] }) => void;
}) {
  const id = useId();
  const focusPoint = useRef<number | null>(null);

  useEffect(() => {
    if (focusPoint.current === null) return;
    document.getElementById(`${id}-point-${focusPoint.current}`)?.focus();
    focusPoint.current = null;
  });

  const setPoint = (index: number, text: string): void =>
    onChange({ points: points.map((point, position) => (position === index ? text : point)) });
  const addPoint = (): void => {
    focusPoint.current = points.length;
    onChange({ points: [...points, 'at '] });
  };
  const removePoint = (index: number): void => {
    focusPoint.current = points.length > 1 ? Math.max(0, index - 1) : null;
    onChange({ points: points.filter((_, position) => position !== index) });
  };

  return (
    <fieldset className="recommendation">
      <legend>Indstilling</legend>
      <div className="field">
        <label htmlFor={`${id}-proposer`}>Indstiller</label>
        <div className="proposer-line">
          <input
            id={`${id}-proposer`}
            className="proposer-input"
            value={proposer}
            disabled={disabled}
            placeholder="Kommunaldirektøren"
            aria-describedby={`${id}-proposer-hint`}
            onChange={(e) => onChange({ proposer: e.target.value })}
          />
          <span id={`${id}-proposer-hint`} className="muted">
            indstiller,
          </span>
        </div>
      </div>
      <ol className="points">
        {points.map((point, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points are numbered by position
          <li key={index} className="point-row">
            <label htmlFor={`${id}-point-${index}`}>At-punkt {index + 1}</label>
            <textarea
              id={`${id}-point-${index}`}
              rows={2}
              value={point}
              disabled={disabled}
              onChange={(e) => setPoint(index, e.target.value)}
            />
            <button
              type="button"
              className="button-quiet"
              disabled={disabled}
              onClick={() => removePoint(index)}
            >
              Fjern at-punkt {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button-secondary" disabled={disabled} onClick={addPoint}>
        Tilføj at-punkt
      </button>
    </fieldset>
  );
}
