/** The addresses of the inclusion screens. */
export const INCLUSION_PATH = '/inclusie';

/** A board's track: `/inclusie/3` (with `#actieplan`, `#plaatsingen`, ... for a section). */
export function trackPath(trackId: number, section?: TrackSection): string {
  return `${INCLUSION_PATH}/${trackId}${section ? `#${section}` : ''}`;
}

/** The sections of the track page, by their anchors (Dutch, as the addresses are). */
export type TrackSection = 'fasen' | 'ambitie' | 'quotum' | 'knelpunten' | 'actieplan' | 'plaatsingen' | 'werkgeversservicepunt' | 'evaluatie';

/** A labour-market region's employer service point, to fill in or change. */
export function servicePointPath(regionId: number): string {
  return `${INCLUSION_PATH}/werkgeversservicepunt/${regionId}`;
}
