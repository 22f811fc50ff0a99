/** The addresses of the area dashboards, their exports and the indicators of an area. */
import { API_BASE_URL } from '../../api/client';
import type { AreaType } from './types';

export const AREA_CHOOSER_PATH = '/gebied';

/** The dashboard of a municipality (`/gebied/gemeente/14`) or a region of any kind (`/gebied/regio/3`). */
export function areaPath(type: AreaType, id: number): string {
  return type === 'municipality' ? `/gebied/gemeente/${id}` : `/gebied/regio/${id}`;
}

/** The area's overview as a file, one row per school; a normal link with the session cookie downloads it. */
export function areaExportHref(type: AreaType, id: number, format: 'csv' | 'xlsx'): string {
  const base = type === 'municipality' ? `municipalities/${id}` : `regions/${id}`;
  return `${API_BASE_URL}/${base}/overview/export?format=${format}`;
}

/** The indicators dashboard for the area: its scope as the series API takes it (`municipality:14`, `region:3`). */
export function areaIndicatorsPath(type: AreaType, id: number): string {
  return `/indicators?scope=${type}:${id}`;
}

/** The platform administrator's screens for regions. */
export const REGIONS_PATH = '/regions';
export function regionAdminPath(id: number): string {
  return `${REGIONS_PATH}/${id}`;
}
