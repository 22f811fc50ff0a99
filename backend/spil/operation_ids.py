"""Stable, readable operationIds (``listSchools``, ``createSyncRun``) for the clients that
integrators generate from the OpenAPI document.

An operation is named after its handler, in lowerCamelCase. Where a handler's name says too
little outside its feature (``createAction``: of what?) or is used twice, the table below names
it in full. ``tests/test_conventions.py`` checks that every operationId is unique, lowerCamelCase
and that no entry here is stale.
"""

from __future__ import annotations

from fastapi.routing import APIRoute

# ``feature.handler`` -> operationId
NAMES: dict[str, str] = {
    # access
    "api.liveness": "checkLiveness",
    "api.readiness": "checkReadiness",
    "access.add_membership": "addUserMembership",
    "access.remove_membership": "removeUserMembership",
    # areas
    "areas.municipality_overview": "getMunicipalityOverview",
    "areas.municipality_overview_export": "exportMunicipalityOverview",
    "areas.region_overview": "getRegionOverview",
    "areas.region_overview_export": "exportRegionOverview",
    # partners
    "partners.list_categories": "listPartnerCategories",
    "partners.create_category": "createPartnerCategory",
    "partners.add_bottleneck": "createPartnershipBottleneck",
    "partners.update_bottleneck": "updatePartnershipBottleneck",
    # people
    "people.list_assignments": "listRoleAssignments",
    "people.create_assignment": "createRoleAssignment",
    "people.get_assignment": "getRoleAssignment",
    "people.update_assignment": "updateRoleAssignment",
    "people.delete_assignment": "deleteRoleAssignment",
    "people.get_organogram": "getSchoolOrganogram",
    "people.get_induction": "getSchoolInduction",
    # import and export
    "transfer.run_duo_import": "importDuoSchools",
    "transfer.run_import": "runImport",
    "transfer.run_export": "runExport",
    # key persons
    "keypersons.list_rule_sets": "listAllowanceRuleSets",
    "keypersons.create_rule_set": "createAllowanceRuleSet",
    "keypersons.get_rule_set": "getAllowanceRuleSet",
    "keypersons.update_rule_set": "updateAllowanceRuleSet",
    "keypersons.list_revisions": "listAllowanceRuleSetRevisions",
    "keypersons.list_agreements": "listVolunteerAgreements",
    "keypersons.create_agreement": "createVolunteerAgreement",
    "keypersons.get_agreement": "getVolunteerAgreement",
    "keypersons.update_agreement": "updateVolunteerAgreement",
    "keypersons.delete_agreement": "deleteVolunteerAgreement",
    "keypersons.get_ledger": "getVolunteerAgreementLedger",
    "keypersons.list_payments": "listAllowancePayments",
    "keypersons.create_payment": "createAllowancePayment",
    "keypersons.get_payment": "getAllowancePayment",
    "keypersons.update_payment": "updateAllowancePayment",
    "keypersons.delete_payment": "deleteAllowancePayment",
    "keypersons.list_activities": "listKeyPersonActivities",
    "keypersons.create_activity": "createKeyPersonActivity",
    "keypersons.get_activity": "getKeyPersonActivity",
    "keypersons.update_activity": "updateKeyPersonActivity",
    "keypersons.delete_activity": "deleteKeyPersonActivity",
    "keypersons.list_listings": "listKeyPersonListings",
    "keypersons.create_listing": "createKeyPersonListing",
    "keypersons.get_listing": "getKeyPersonListing",
    "keypersons.update_listing": "updateKeyPersonListing",
    "keypersons.delete_listing": "deleteKeyPersonListing",
    "keypersons.public_key_persons": "listPublicKeyPersons",
    # complaint routes and confidential work
    "complaints.list_bodies": "listExternalBodies",
    "complaints.get_body": "getExternalBody",
    "complaints.update_body": "updateExternalBody",
    "complaints.get_settings_": "getComplaintSettings",
    "complaints.update_settings": "updateComplaintSettings",
    "complaints.list_routes": "listComplaintRoutes",
    "complaints.create_route": "createComplaintRoute",
    "complaints.get_route": "getComplaintRoute",
    "complaints.update_route": "updateComplaintRoute",
    "complaints.delete_route": "deleteComplaintRoute",
    "complaints.resolve_route": "resolveComplaintRoute",
    "complaints.list_cases": "listConfidentialCases",
    "complaints.create_case": "createConfidentialCase",
    "complaints.get_case": "getConfidentialCase",
    "complaints.update_case": "updateConfidentialCase",
    "complaints.delete_case": "deleteConfidentialCase",
    "complaints.case_report": "getConfidentialCaseReport",
    "complaints.public_areas": "listPublicComplaintAreas",
    "complaints.public_route": "getPublicComplaintRoute",
    # indicators
    "indicators.get_series": "getIndicatorSeries",
    "indicators.bulk_create": "createMeasurementsInBulk",
    # inclusive employment
    "inclusion.list_tracks": "listInclusionTracks",
    "inclusion.create_track": "createInclusionTrack",
    "inclusion.get_track": "getInclusionTrack",
    "inclusion.update_track": "updateInclusionTrack",
    "inclusion.delete_track": "deleteInclusionTrack",
    "inclusion.get_progress": "getInclusionTrackProgress",
    "inclusion.list_bottlenecks": "listInclusionBottlenecks",
    "inclusion.create_bottleneck": "createInclusionBottleneck",
    "inclusion.get_bottleneck": "getInclusionBottleneck",
    "inclusion.update_bottleneck": "updateInclusionBottleneck",
    "inclusion.delete_bottleneck": "deleteInclusionBottleneck",
    "inclusion.list_actions": "listInclusionActions",
    "inclusion.create_action": "createInclusionAction",
    "inclusion.get_action": "getInclusionAction",
    "inclusion.update_action": "updateInclusionAction",
    "inclusion.delete_action": "deleteInclusionAction",
    "inclusion.list_quotas": "listJobAgreementQuotas",
    "inclusion.create_quota": "createJobAgreementQuota",
    "inclusion.get_quota": "getJobAgreementQuota",
    "inclusion.update_quota": "updateJobAgreementQuota",
    "inclusion.get_service_point": "getEmployerServicePoint",
    "inclusion.update_service_point": "updateEmployerServicePoint",
    # regional programmes
    "programmes.list_programmes": "listRegionalProgrammes",
    "programmes.create_programme": "createRegionalProgramme",
    "programmes.get_programme": "getRegionalProgramme",
    "programmes.update_programme": "updateRegionalProgramme",
    "programmes.delete_programme": "deleteRegionalProgramme",
    "programmes.list_members": "listProgrammeMembers",
    "programmes.add_member": "addProgrammeMember",
    "programmes.get_member": "getProgrammeMember",
    "programmes.update_member": "updateProgrammeMember",
    "programmes.list_admins": "listProgrammeAdmins",
    "programmes.add_admin": "addProgrammeAdmin",
    "programmes.remove_admin": "removeProgrammeAdmin",
    "programmes.list_lines": "listProgrammeLines",
    "programmes.create_line": "createProgrammeLine",
    "programmes.get_line": "getProgrammeLine",
    "programmes.update_line": "updateProgrammeLine",
    "programmes.delete_line": "deleteProgrammeLine",
    "programmes.list_initiatives": "listProgrammeInitiatives",
    "programmes.create_initiative": "createProgrammeInitiative",
    "programmes.get_initiative": "getProgrammeInitiative",
    "programmes.update_initiative": "updateProgrammeInitiative",
    "programmes.delete_initiative": "deleteProgrammeInitiative",
    "programmes.list_results": "listInitiativeResults",
    "programmes.create_result": "createInitiativeResult",
    "programmes.get_result": "getInitiativeResult",
    "programmes.update_result": "updateInitiativeResult",
    "programmes.delete_result": "deleteInitiativeResult",
    "programmes.list_shared": "listSharedPartnerships",
    "programmes.create_shared": "createSharedPartnership",
    "programmes.get_participant": "getInitiativeParticipant",
    "programmes.set_contact": "setInitiativeParticipantContact",
}


def key(route: APIRoute) -> str:
    """``feature.handler``: the feature is the package below ``spil`` that holds the handler."""
    parts = route.endpoint.__module__.split(".")
    feature = parts[1] if len(parts) > 1 and parts[0] == "spil" else parts[0]
    return f"{feature}.{route.name}"


def camel(name: str) -> str:
    first, *rest = [part for part in name.split("_") if part]
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


def operation_id(route: APIRoute) -> str:
    return NAMES.get(key(route)) or camel(route.name)
