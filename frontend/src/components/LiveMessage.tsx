/** A success message announced politely by screen readers (the live region is there before the message). */
export function LiveMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" className="live-message">
      {message && (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
