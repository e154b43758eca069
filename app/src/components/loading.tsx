/** The loading state of a page or section. */
export function Loading({ label = 'Henter…' }: { label?: string }) {
  return (
    <p role="status" className="loading">
      {label}
    </p>
  );
}
