import { useId } from 'react';

/**
 * The forum's GDPR setting: its public versions (the portal, the feeds, OParl, the public PDF
 * and search for everyone outside the forum) leave out e-mail addresses and phone numbers.
 */
export function ContactDetailsField({
  isHidden,
  onChange,
}: {
  isHidden: boolean;
  onChange: (isHidden: boolean) => void;
}) {
  const hintId = useId();
  return (
    <fieldset className="visibility-fields">
      <legend>Kontaktoplysninger i de offentlige versioner</legend>
      <label className="checkbox checkbox-line">
        <input
          type="checkbox"
          checked={isHidden}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        Fjern e-mailadresser og telefonnumre (GDPR)
      </label>
      <p id={hintId} className="hint">
        Gælder alt, hvad andre end forummets medlemmer kan læse: arkivet på /arkiv, feeds,
        kalendere, OParl, offentlige PDF’er og søgning. Medlemmerne ser teksten, som den er skrevet.
      </p>
    </fieldset>
  );
}
