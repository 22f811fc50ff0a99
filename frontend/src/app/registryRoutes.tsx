/** The registry's pages: gaps, partners, partnerships, people and roles, per-school views, the catalogue, import. */
import { Navigate, useLocation, type RouteObject } from 'react-router';
import { PartnerCategoriesPage } from '../features/catalogue/PartnerCategoriesPage';
import { RoleTypesPage } from '../features/catalogue/RoleTypesPage';
import { GapsPage } from '../features/gaps/GapsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { InductionPage } from '../features/induction/InductionPage';
import { OrganogramPage } from '../features/organogram/OrganogramPage';
import { PartnerCreatePage } from '../features/partners/PartnerCreatePage';
import { PartnerDetailPage } from '../features/partners/PartnerDetailPage';
import { PartnerEditPage } from '../features/partners/PartnerEditPage';
import { PartnersListPage } from '../features/partners/PartnersListPage';
import { PartnershipCreatePage } from '../features/partnerships/PartnershipCreatePage';
import { PartnershipDetailPage } from '../features/partnerships/PartnershipDetailPage';
import { PartnershipEditPage } from '../features/partnerships/PartnershipEditPage';
import { PartnershipsListPage } from '../features/partnerships/PartnershipsListPage';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { PersonCreatePage } from '../features/people/PersonCreatePage';
import { PersonDetailPage } from '../features/people/PersonDetailPage';
import { PersonEditPage } from '../features/people/PersonEditPage';
import { RoleAssignmentCreatePage } from '../features/people/RoleAssignmentCreatePage';
import { RoleAssignmentPage } from '../features/people/RoleAssignmentPage';
import { RoleMatrixPage } from '../features/people/RoleMatrixPage';

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
