/** The addresses of the regional programme screens. */
export const PROGRAMMES_PATH = '/programmas';

export function programmePath(programmeId: number): string {
  return `${PROGRAMMES_PATH}/${programmeId}`;
}

export function initiativePath(programmeId: number, initiativeId: number): string {
  return `${PROGRAMMES_PATH}/${programmeId}/initiatieven/${initiativeId}`;
}
