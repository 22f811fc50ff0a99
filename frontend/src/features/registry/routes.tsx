/** The registry's pages: gaps, partners, partnerships, people and roles, per-school views, the catalogue, import. */
import { Navigate, useLocation, type RouteObject } from 'react-router';
import { PartnerCategoriesPage } from '../catalogue/PartnerCategoriesPage';
import { RoleTypesPage } from '../catalogue/RoleTypesPage';
import { GapsPage } from '../gaps/GapsPage';
import { ImportPage } from '../imports/ImportPage';
import { InductionPage } from '../induction/InductionPage';
import { OrganogramPage } from '../organogram/OrganogramPage';
import { PartnerCreatePage } from '../partners/PartnerCreatePage';
import { PartnerDetailPage } from '../partners/PartnerDetailPage';
import { PartnerEditPage } from '../partners/PartnerEditPage';
import { PartnersListPage } from '../partners/PartnersListPage';
import { PartnershipCreatePage } from '../partnerships/PartnershipCreatePage';
import { PartnershipDetailPage } from '../partnerships/PartnershipDetailPage';
import { PartnershipEditPage } from '../partnerships/PartnershipEditPage';
import { PartnershipsListPage } from '../partnerships/PartnershipsListPage';
import { PeopleListPage } from '../people/PeopleListPage';
import { PersonCreatePage } from '../people/PersonCreatePage';
import { PersonDetailPage } from '../people/PersonDetailPage';
import { PersonEditPage } from '../people/PersonEditPage';
import { RoleAssignmentCreatePage } from '../people/RoleAssignmentCreatePage';
import { RoleAssignmentPage } from '../people/RoleAssignmentPage';
import { RoleMatrixPage } from '../people/RoleMatrixPage';

function WhoIndex() {
  const { search } = useLocation();
  return <Navigate to={`/who/roles${search}`} replace />;
}

export const registryRoutes: RouteObject[] = [
  { path: 'gaps', element: <GapsPage /> },
  { path: 'partners', element: <PartnersListPage /> },
  { path: 'partners/new', element: <PartnerCreatePage /> },
  { path: 'partners/:partnerId', element: <PartnerDetailPage /> },
  { path: 'partners/:partnerId/edit', element: <PartnerEditPage /> },
  { path: 'partnerships', element: <PartnershipsListPage /> },
  { path: 'partnerships/new', element: <PartnershipCreatePage /> },
  { path: 'partnerships/:partnershipId', element: <PartnershipDetailPage /> },
  { path: 'partnerships/:partnershipId/edit', element: <PartnershipEditPage /> },
  { path: 'people', element: <PeopleListPage /> },
  { path: 'people/new', element: <PersonCreatePage /> },
  { path: 'people/:personId', element: <PersonDetailPage /> },
  { path: 'people/:personId/edit', element: <PersonEditPage /> },
  { path: 'role-assignments/new', element: <RoleAssignmentCreatePage /> },
  { path: 'role-assignments/:assignmentId', element: <RoleAssignmentPage /> },
  { path: 'who', element: <WhoIndex /> },
  { path: 'who/roles', element: <RoleMatrixPage /> },
  { path: 'who/organogram', element: <OrganogramPage /> },
  { path: 'who/induction', element: <InductionPage /> },
  { path: 'catalogue', element: <Navigate to="/catalogue/roles" replace /> },
  { path: 'catalogue/roles', element: <RoleTypesPage /> },
  { path: 'catalogue/partner-categories', element: <PartnerCategoriesPage /> },
  { path: 'import', element: <ImportPage /> },
];
