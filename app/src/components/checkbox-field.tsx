/**
 * A checkbox on a line of its own, inside its label so the text toggles it too. `id` is
 * needed only when an error summary links to it.
 */
export function CheckboxField({
  id,
  label,
  isChecked,
  onChange,
}: {
  id?: string;
  label: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
}) {
  return (
    <label className="checkbox checkbox-line" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={isChecked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
