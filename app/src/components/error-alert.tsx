/** An error from the API or the browser, announced at once (role="alert"). Nothing when null. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}
