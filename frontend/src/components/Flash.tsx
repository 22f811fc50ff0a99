import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

export interface FlashState {
  flash?: string;
}

/** Shows a one-time message passed in the navigation state (e.g. "saved" after an edit). */
export function Flash() {
  const location = useLocation();
  const message = (location.state as FlashState | null)?.flash;
  const [shown, setShown] = useState<string | undefined>(message);
  useEffect(() => setShown(message), [message, location.key]);
  if (!shown) return null;
  return (
    <div className="alert alert-success" role="status">
      {shown}
    </div>
  );
}
