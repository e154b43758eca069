/**
 * A form's primary button: disabled while the form is being sent, and saying so meanwhile
 * (`busyLabel`, "Gemmer…"), so a second click cannot send it twice.
 */
export function SubmitButton({
  label,
  busyLabel,
  isBusy,
}: {
  label: string;
  busyLabel: string;
  isBusy: boolean;
}) {
  return (
    <button type="submit" className="button-primary" disabled={isBusy}>
      {isBusy ? busyLabel : label}
    </button>
  );
}
