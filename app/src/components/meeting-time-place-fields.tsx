import { useId } from 'react';

/** A meeting's when and where as the forms edit them (empty strings for "not set"). */
export interface MeetingTimePlace {
  date: string;
  start: string;
  location: string;
}

/** "Dato", "Starttidspunkt" and "Mødested": for a new meeting and for changing one. */
export function MeetingTimePlaceFields({
  value,
  onChange,
}: {
  value: MeetingTimePlace;
  onChange: (change: Partial<MeetingTimePlace>) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-date`}>Dato</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          value={value.date}
          onChange={(e) => onChange({ date: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>Starttidspunkt</label>
        <input
          id={`${id}-start`}
          type="time"
          value={value.start}
          onChange={(e) => onChange({ start: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-location`}>Mødested</label>
        <input
          id={`${id}-location`}
          type="text"
          value={value.location}
          placeholder="Fx Mødelokale 2"
          onChange={(e) => onChange({ location: e.target.value })}
        />
      </div>
    </>
  );
}
