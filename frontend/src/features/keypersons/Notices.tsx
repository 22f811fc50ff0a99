import type { ReactNode } from 'react';

export interface NoticeText {
  text: string;
  /** The API's own (English) text, for a reader of another language. */
  english: boolean;
}

/** A list of translated messages; an English original is marked as such for screen readers. */
export function MessageList({ items, className, testId }: { items: NoticeText[]; className?: string; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className={className ?? 'message-list'} data-testid={testId}>
      {items.map((item, i) => (
        <li key={i} lang={item.english ? 'en' : undefined}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

/** A boxed notice with a heading: warnings, the assumed rules, a taxable year. */
export function Notice({
  kind,
  title,
  children,
  testId,
}: {
  kind: 'warning' | 'error' | 'info' | 'success';
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`alert alert-${kind === 'info' ? 'info' : kind} notice`} data-testid={testId}>
      <p className="notice-title">
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

/** A polite live region for "saved", "deleted" and the like. */
export function LiveMessage({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div aria-live="polite" className="live-message">
      {message && (
        <p className="alert alert-success" role="status" data-testid={testId}>
          {message}
        </p>
      )}
    </div>
  );
}

/** A table's column headers; amounts are right-aligned. */
export function HeadRow<C extends string>({ columns, label, numeric = [] }: { columns: readonly C[]; label: (c: C) => string; numeric?: readonly C[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={numeric.includes(c) ? 'numeric' : undefined}>
            {label(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
