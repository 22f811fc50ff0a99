import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

export interface FlashState {
  flash?: string;
}

/**
 * Shows a one-time message passed in the navigation state (e.g. "saved" after an edit), then
 * clears that state so a reload or going back does not show it again.
 */
export function Flash() {
  const location = useLocation();
  const navigate = useNavigate();
  const message = (location.state as FlashState | null)?.flash;
  const [shown, setShown] = useState<string | undefined>(message);
  useEffect(() => {
    if (!message) return;
    setShown(message);
    navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [message, location.pathname, location.search, location.hash, navigate]);
  if (!shown) return null;
  return (
    <div className="alert alert-success" role="status">
      {shown}
    </div>
  );
}
