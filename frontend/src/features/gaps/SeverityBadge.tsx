import { useT } from '../../lib/i18n';
import type { Severity } from '../../api/registryTypes';

const ICONS: Record<Severity, string> = { error: '!', warning: '▲', info: 'i' };

/** The severity as text with a symbol, never by colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useT();
  return (
    <span className={`severity severity-${severity}`}>
      <span className="severity-icon" aria-hidden="true">
        {ICONS[severity]}
      </span>
      {t(`gaps.severity.${severity}`)}
    </span>
  );
}
