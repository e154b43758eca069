/** A calm confirmation ("Dagsordenen er udsendt"), announced politely. Nothing when null. */
export function Notice({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : 'visually-hidden'}>
      {message}
    </div>
  );
}
