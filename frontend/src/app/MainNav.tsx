import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { currentSection, type NavSection } from './nav';

/**
 * The main menu as a row of sections: a section with one page is a link, one with more a
 * disclosure button (aria-expanded) over its list of links. One section is open at a time;
 * Escape closes it and returns focus to its button; a click elsewhere, leaving the menu by
 * keyboard and going to another page close it too. The button of the current page's section carries
 * aria-current. On a phone the sections stack and open in place.
 */
export function MainNav({ sections, label }: { sections: NavSection[]; label: string }) {
  const { pathname } = useLocation();
  const [open, setOpen] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const current = currentSection(sections, pathname);

  useEffect(() => setOpen(null), [pathname]);

  useEffect(() => {
    if (open === null) return;
    function onPointerDown(event: PointerEvent) {
      if (!navRef.current?.contains(event.target as Node)) setOpen(null);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || open === null) return;
    event.preventDefault();
    const button = navRef.current?.querySelector<HTMLButtonElement>(`#nav-button-${open}`);
    setOpen(null);
    button?.focus();
  }

  // Focus leaving the menu (by keyboard) closes it; moving between its sections does not, so that
  // a section does not fold away under the pointer on its way to the next one.
  function onBlur(event: FocusEvent<HTMLElement>) {
    if (open !== null && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(null);
  }

  return (
    <nav className="main-nav" aria-label={label} ref={navRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <ul className="main-nav-sections">
        {sections.map((section) => {
          const only = section.links.length === 1 ? section.links[0] : undefined;
          if (only) {
            return (
              <li key={section.id} className="nav-item">
                <NavLink to={only.to} end={only.end} className="nav-top">
                  {only.label}
                </NavLink>
              </li>
            );
          }
          const expanded = open === section.id;
          return (
            <li key={section.id} className="nav-item nav-section">
              <button
                type="button"
                id={`nav-button-${section.id}`}
                className="nav-top nav-section-button"
                aria-expanded={expanded}
                aria-controls={`nav-menu-${section.id}`}
                aria-current={current === section.id ? 'true' : undefined}
                onClick={() => setOpen(expanded ? null : section.id)}
              >
                {section.label}
                <span className="nav-caret" aria-hidden="true" />
              </button>
              <ul id={`nav-menu-${section.id}`} className="nav-section-menu" hidden={!expanded}>
                {section.links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.end}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
