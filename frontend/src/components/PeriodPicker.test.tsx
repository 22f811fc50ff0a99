import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { setProductToday } from '../lib/clock';
import { PeriodPicker, offeredYears, periodOf, periodParts, type Frequency } from './PeriodPicker';

function Harness({ frequency, initial = '', error }: { frequency: Frequency; initial?: string; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PeriodPicker label="Periode" frequency={frequency} value={value} onChange={setValue} error={error} required />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('the period picker', () => {
  it('picks a month and a year into the API format', async () => {
    setProductToday('2026-12-07');
    const user = userEvent.setup();
    render(<Harness frequency="month" />);
    expect(screen.getByRole('group', { name: /Periode/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Maand' }), 'maart');
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/); // no year yet: no period
    await user.selectOptions(screen.getByRole('combobox', { name: 'Jaar' }), '2026');
    expect(screen.getByTestId('value')).toHaveTextContent('2026-03');
  });

  it('offers quarters and school years, and shows a value it was given', async () => {
    setProductToday('2026-12-07');
    const user = userEvent.setup();
    render(<Harness frequency="quarter" initial="2025-Q2" />);
    expect(screen.getByRole('combobox', { name: 'Kwartaal' })).toHaveValue('2');
    expect(screen.getByRole('combobox', { name: 'Jaar' })).toHaveValue('2025');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kwartaal' }), '4e kwartaal');
    expect(screen.getByTestId('value')).toHaveTextContent('2025-Q4');
  });

  it('marks every part of the group when the API refused the period', () => {
    render(<Harness frequency="school-year" initial="2024-2025" error="Deze periode past niet." />);
    const select = screen.getByRole('combobox', { name: 'Schooljaar' });
    expect(select).toHaveValue('2024');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription(/Deze periode past niet/);
  });

  it('builds and reads periods, with years around the product date', () => {
    expect(periodOf('school-year', '2026', '')).toBe('2026-2027');
    expect(periodOf('month', '2026', '')).toBe('');
    expect(periodParts('month', '2026-13')).toEqual({ year: '', part: '' });
    expect(offeredYears(2026)).toEqual([2028, 2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });
});
