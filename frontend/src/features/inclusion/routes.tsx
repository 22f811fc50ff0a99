/** The inclusion screens: the tracks (`/inclusie`, `/inclusie/:trackId`) and a region's employer service point. */
import type { RouteObject } from 'react-router';
import { InclusionHomePage } from './InclusionHomePage';
import { ServicePointPage } from './ServicePointPage';
import { TrackPage } from './TrackPage';

export const inclusionRoutes: RouteObject[] = [
  { path: 'inclusie', element: <InclusionHomePage /> },
  { path: 'inclusie/werkgeversservicepunt/:regionId', element: <ServicePointPage /> },
  { path: 'inclusie/:trackId', element: <TrackPage /> },
];
