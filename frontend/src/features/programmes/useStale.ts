export { isStale, useStale } from '../inclusion/useStale';
