/** A labour-market region's contact point at the employer service point, as a contact card. */
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { externalHref } from '../../lib/format';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useT } from '../../lib/i18n';
import { servicePointPath } from './paths';
import { canEditServicePoint } from './permissions';
import type { ServicePoint } from './types';

export function ServicePointCard({ point, headingLevel = 3 }: { point: ServicePoint; headingLevel?: 3 | 4 }) {
  const { t } = useT('inclusion');
  const access = useAccess();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const rows: [string, ReactNode][] = [];
  if (point.organisation) rows.push([t('inclusion.servicePoint.organisation'), point.organisation]);
  if (point.contactName) rows.push([t('inclusion.servicePoint.contactName'), point.contactName]);
  if (point.email) rows.push([t('inclusion.servicePoint.email'), <a href={`mailto:${point.email}`}>{point.email}</a>]);
  if (point.phone) rows.push([t('inclusion.servicePoint.phone'), <a href={`tel:${point.phone.replace(/[^\d+]/g, '')}`}>{point.phone}</a>]);
  if (point.openingHours) rows.push([t('inclusion.servicePoint.openingHours'), point.openingHours]);
  if (point.website) rows.push([t('inclusion.servicePoint.website'), <a href={externalHref(point.website)}>{point.website}</a>]);
  if (point.notes) rows.push([t('inclusion.servicePoint.notes'), <span className="prewrap">{point.notes}</span>]);
  return (
    <div className="card service-point" data-testid="service-point" data-region={point.regionCode}>
      <Heading className="card-title">{t('inclusion.servicePoint.region', { region: point.regionName })}</Heading>
      {point.filledIn ? (
        <dl className="details">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p data-testid="service-point-empty">{t('inclusion.servicePoint.notFilledIn', { region: point.regionName })}</p>
      )}
      {canEditServicePoint(access, point.regionId) && (
        <p className="no-print">
          <Link to={servicePointPath(point.regionId)}>{t('inclusion.servicePoint.edit', { region: point.regionName })}</Link>
        </p>
      )}
    </div>
  );
}
