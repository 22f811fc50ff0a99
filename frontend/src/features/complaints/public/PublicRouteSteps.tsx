/** A route as the public sees it: numbered steps with who, how to reach them and what to expect. */
import { externalHref } from '../../../lib/format';
import { pick } from '../i18n';
import { EMERGENCY_AREAS, type Area, type ResolvedRoute, type ResolvedStep, type RouteSchool, type StepContact } from '../types';
import { usePT } from './publicI18n';

/** A phone number as a tel: address (digits and a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function ContactLines({ contact }: { contact: StepContact }) {
  const { t, english } = usePT();
  const hours = pick(english, contact.hours, contact.hoursEn);
  return (
    <>
      {contact.howToReach && <p className="route-how-to-reach">{contact.howToReach}</p>}
      <ul className="route-contact-lines">
        {contact.phone && (
          <li>
            <a href={telHref(contact.phone)}>{t('step.call', { phone: contact.phone })}</a>
          </li>
        )}
        {contact.email && (
          <li>
            <a href={`mailto:${contact.email}`}>{t('step.mail', { email: contact.email })}</a>
          </li>
        )}
        {contact.website && (
          <li>
            <a href={externalHref(contact.website)} rel="noopener noreferrer">
              {t('step.website')}: {contact.website.replace(/^https?:\/\//, '')}
            </a>
          </li>
        )}
        {hours && <li>{t('step.hours', { hours })}</li>}
      </ul>
    </>
  );
}

function SchoolContact({ school }: { school: RouteSchool }) {
  const { t } = usePT();
  if (!school.phone && !school.email) return null;
  return (
    <ul className="route-contact-lines">
      {school.phone && (
        <li>
          <a href={telHref(school.phone)}>{t('step.callSchool', { phone: school.phone })}</a>
        </li>
      )}
      {school.email && (
        <li>
          <a href={`mailto:${school.email}`}>{t('step.mailSchool', { email: school.email })}</a>
        </li>
      )}
    </ul>
  );
}

function Label({ children }: { children: string }) {
  return <p className="route-label">{children}</p>;
}

function Step({ step, number, school, level, group }: { step: ResolvedStep; number: number; school: RouteSchool; level: 3 | 4; group: string }) {
  const StepHeading = level === 3 ? 'h3' : 'h4';
  const { t, english } = usePT();
  const actor = pick(english, step.actorNameNl, step.actorNameEn);
  const expect = pick(english, step.expectNl, step.expectEn);
  const people = step.contacts.filter((c) => c.name && c.name !== actor);
  const plain = step.contacts.find((c) => c.name === actor);
  const reachable = step.contacts.length > 0;
  return (
    <li className={`route-step route-step-${step.kind}`} data-kind={step.kind}>
      <StepHeading className="route-step-head">
        <span className="route-step-number">{t('step.number', { number })}</span>
        <span className="visually-hidden">: </span> <span className="route-kind">{t(`kinds.${step.kind}`)}</span>
      </StepHeading>
      <p className="route-step-text">{pick(english, step.textNl, step.textEn)}</p>
      {actor && (
        <div className="route-who">
          <Label>{t('step.who')}</Label>
          <p>
            <strong>{actor}</strong>
            {people.length > 0 && `: ${people.map((c) => c.name).join(', ')}`}
          </p>
          {(reachable || step.viaSchool || step.unfilled) && <Label>{t('step.how', { context: group })}</Label>}
          {plain && <ContactLines contact={plain} />}
          {people.map((c, i) => (
            <div key={`${c.name}-${i}`} className="route-person">
              {people.length > 1 && <p className="route-person-name">{pick(english, c.name, c.nameEn)}</p>}
              <ContactLines contact={c} />
            </div>
          ))}
          {(step.viaSchool || step.unfilled) && (
            <>
              <p>{step.unfilled ? t('step.unfilled') : t('step.viaSchool')}</p>
              <SchoolContact school={school} />
            </>
          )}
        </div>
      )}
      {expect && (
        <div className="route-expect">
          <Label>{t('step.expect', { context: group })}</Label>
          <p>{expect}</p>
        </div>
      )}
    </li>
  );
}

/** The emergency numbers, first on the page for the areas where someone may be in danger. */
export function EmergencyBox({ area, group, level = 3 }: { area: Area; group: string; level?: 3 | 4 }) {
  const BoxHeading = level === 3 ? 'h3' : 'h4';
  const { t } = usePT();
  if (!EMERGENCY_AREAS.includes(area)) return null;
  return (
    <aside className="route-emergency" aria-labelledby="route-emergency-title">
      <BoxHeading id="route-emergency-title">
        <span aria-hidden="true">⚠ </span>
        {t('emergency.title')}
      </BoxHeading>
      <p>{t('emergency.text')}</p>
      <p>
        <a className="route-emergency-call" href="tel:112">
          {t('emergency.call')}
        </a>
      </p>
      {area === 'personal-problems' && <p>{t('emergency.suicide', { context: group })}</p>}
      {group === 'pupil' && (area === 'domestic-violence' || area === 'personal-problems') && <p>{t('emergency.child')}</p>}
    </aside>
  );
}

/** The steps of a resolved route, numbered, with the emergency box where it applies. */
export function PublicRouteSteps({ route, headingLevel = 2 }: { route: ResolvedRoute; headingLevel?: 2 | 3 }) {
  const { t } = usePT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="route-public">
      <Heading className="route-steps-title" id="route-steps-title" tabIndex={-1}>
        {t('finder.routeTitle', { context: route.group })}
      </Heading>
      <EmergencyBox area={route.area} group={route.group} level={headingLevel === 2 ? 3 : 4} />
      {route.steps.length === 0 ? (
        <p>{t('finder.noSteps')}</p>
      ) : (
        <>
          <p>{t('finder.routeIntro', { context: route.group })}</p>
          <ol className="route-steps">
            {route.steps.map((step, i) => (
              <Step key={step.key} step={step} number={i + 1} school={route.school} group={route.group} level={headingLevel === 2 ? 3 : 4} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
