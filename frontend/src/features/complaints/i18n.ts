/** The public route finder's pages take `pick` from here; it lives with `useT` in `lib/i18n`. */
export { pick } from '../../lib/i18n';
