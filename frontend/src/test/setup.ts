import './polyfills';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setupI18n } from '../i18n';
import { setCsrfToken } from '../api/client';

setupI18n('nl');

afterEach(async () => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  const i18n = setupI18n();
  if (i18n.language !== 'nl') await i18n.changeLanguage('nl');
  window.localStorage.clear();
});
