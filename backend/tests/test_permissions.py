"""The permission matrix: every endpoint × every demo role, with the status each must get.

Out of scope is 404 (the record "does not exist" for that caller); in scope without the right
is 403; reading within scope is 200.
"""

from __future__ import annotations

import re

import pytest

ACCOUNTS = {
    "platform": "admin@demo.spil.nl",
    "board-admin": "bestuur@demo.spil.nl",
    "school-admin": "directie@demo.spil.nl",
    "coordinator": "coordinator@demo.spil.nl",
    "counsellor": "vertrouwenspersoon@demo.spil.nl",
    "viewer": "lezer@demo.spil.nl",
    "region": "regio@demo.spil.nl",
    "municipality": "gemeente@demo.spil.nl",
    "other-board": "bestuur@tweede.spil.nl",
}
ROLES = list(ACCOUNTS)


def _school(demo, code="98YY00"):
    return {
        "boardId": demo["41234"],
        "municipalityId": demo["GM0392"],
        "locationCode": code,
        "name": "Nieuw",
        "sector": "PO",
    }


# fmt: off
# (method, path, body, {role: status}): every row names every role of ROLES, in that order.
MATRIX: list[tuple[str, str, object, dict[str, int]]] = [
    ("GET", "/boards/{b1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 404}),
    ("PATCH", "/boards/{b1}", {"phone": "023 555 1234"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 404}),
    ("DELETE", "/boards/{b2}", None, {"platform": 409, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 403, "other-board": 403}),
    ("POST", "/boards", {"number": "77777", "name": "Nieuw"}, {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/schools/{s1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 404}),
    ("GET", "/schools/{s2}", None, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 200, "region": 200, "other-board": 404}),
    ("GET", "/schools/{s4}", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 200}),
    ("PATCH", "/schools/{s1}", {"city": "Haarlem"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 404}),
    ("PATCH", "/schools/{s2}", {"city": "Haarlem"}, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 403, "region": 403, "other-board": 404}),
    ("DELETE", "/schools/{s2}", None, {"platform": 409, "board-admin": 409, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 403, "region": 403, "other-board": 404}),
    ("POST", "/schools", "new-school", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    # the board's schools from DUO's file (400: allowed, and no file sent; test_duo_import sends files)
    ("POST", "/imports/duo-schools?boardId={b1}", None, {"platform": 400, "board-admin": 400, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 404}),
    ("GET", "/municipalities", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/municipalities", {"code": "GM0001", "name": "X", "regionId": 1}, {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("PATCH", "/labour-market-regions/1", {"name": "Groningen"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/regions", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/regions", "new-region", {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/regions/{r1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/regions/{r1}", {"name": "Zuid-Kennemerland en IJmond"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/regions/{r1}/municipalities", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # the overviews of an area: for its contacts and the platform administrator, never a board's staff
    ("GET", "/municipalities/{mu1}/overview", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 200, "municipality": 200, "other-board": 404}),
    ("GET", "/municipalities/{mu1}/overview/export", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 200, "municipality": 200, "other-board": 404}),
    ("GET", "/regions/{r1}/overview", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 200, "municipality": 404, "other-board": 404}),
    ("GET", "/regions/{r1}/overview/export", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 200, "municipality": 404, "other-board": 404}),
    ("GET", "/users", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/users", "new-user", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("GET", "/api-clients", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("GET", "/audit-events", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("GET", "/auth/session", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # partners, partnerships, people and roles
    ("GET", "/partners/{p1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/partners", "new-partner", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("PATCH", "/partners/{p1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/partners/{p1}", None, {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/partner-categories", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/partner-categories", "new-category", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("GET", "/partnerships/{ps1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/partnerships/{ps1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("PATCH", "/partnerships/{ps2}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 403, "region": 404, "other-board": 404}),
    ("POST", "/partnerships", "new-partnership", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("DELETE", "/partnerships/{ps1}", None, {"platform": 409, "board-admin": 409, "school-admin": 409, "coordinator": 409, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("POST", "/partnerships/{ps1}/bottlenecks", {"kind": "privacy", "occurredOn": "2026-11-01"}, {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/people/{pe1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/people", "new-person", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("PATCH", "/people/{pe1}", {"phone": "023 555 7777"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/people/{pe1}", None, {"platform": 409, "board-admin": 409, "school-admin": 409, "coordinator": 409, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/role-types", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/role-types", "new-role-type", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("GET", "/role-assignments/{ra1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/role-assignments", "new-assignment", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("PATCH", "/role-assignments/{ra1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/gaps", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("GET", "/schools/{s1}/organogram", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/schools/{s1}/induction", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    # key persons and the volunteer allowance: agreements are personal, so never for a region
    ("GET", "/allowance-rules", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/allowance-rules", "new-rule-set", {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/allowance-rules/2025", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/allowance-rules/2025", {"notes": "x", "reason": "matrix"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/allowance-rules/2025/revisions", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/allowance-checks", "check", {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("GET", "/volunteer-agreements/{a1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/volunteer-agreements/{a2}", None, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/volunteer-agreements", "new-agreement", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("PATCH", "/volunteer-agreements/{a1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("PATCH", "/volunteer-agreements/{a2}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/volunteer-agreements/{a1}", None, {"platform": 409, "board-admin": 409, "school-admin": 409, "coordinator": 409, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/volunteer-agreements/{a1}/ledger", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/allowance-payments/{pay1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/allowance-payments", "new-payment", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("PATCH", "/allowance-payments/{pay1}", {"note": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/allowance-payments/{pay1}", None, {"platform": 204, "board-admin": 204, "school-admin": 204, "coordinator": 204, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/key-person-activities/{act1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/key-person-activities", "new-activity", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("PATCH", "/key-person-activities/{act1}", {"note": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/key-person-listings/{l1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/key-person-listings/{l1}", {"published": False}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/key-person-listings/{l1}", None, {"platform": 204, "board-admin": 204, "school-admin": 204, "coordinator": 204, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/public/schools/12AB00/key-persons", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # complaint routes and the confidential register: only counsellors reach the cases (404 for all others)
    ("GET", "/external-bodies", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/external-bodies/veilig-thuis", {"hoursNl": "Altijd"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/boards/{b1}/complaint-settings", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 404}),
    ("PATCH", "/boards/{b1}/complaint-settings", {"committee": "gcbo"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 404}),
    ("GET", "/complaint-routes", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/complaint-routes", "new-route", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("GET", "/complaint-routes/{rt1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/complaint-routes/{rt1}", {"published": True}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/schools/{s1}/complaint-routes/school-organisation?group=parent", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/confidential-cases", None, {"platform": 404, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 200, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/confidential-cases", "new-case", {"platform": 404, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 201, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/confidential-cases/{c1}", None, {"platform": 404, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 200, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/confidential-cases/{c1}", {"notes": "x"}, {"platform": 404, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 200, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/confidential-cases/{c1}", None, {"platform": 404, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 204, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/confidential-cases/report?year=2026", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 404, "counsellor": 200, "viewer": 404, "region": 404, "other-board": 200}),
    ("GET", "/public/schools/12AB00/complaint-routes", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # indicators: a region reads aggregates, never a school's entries
    ("GET", "/indicators", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/indicators", "new-indicator", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("GET", "/indicators/parent-contacts", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # inclusive employment: the board's staff read its track, its admins keep it; placements per school; areas read aggregates only
    ("GET", "/inclusion-tracks", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/inclusion-tracks", "new-track", {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("GET", "/inclusion-tracks/{t1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t2}", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 200}),
    ("PATCH", "/inclusion-tracks/{t1}", {"ambitionNotes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/inclusion-tracks/{t1}", None, {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/progress", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/bottlenecks", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/inclusion-tracks/{t1}/bottlenecks", {"kind": "other", "label": "Roosters"}, {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/bottlenecks/{bn1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/inclusion-tracks/{t1}/bottlenecks/{bn1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/inclusion-tracks/{t1}/bottlenecks/{bn1}", None, {"platform": 204, "board-admin": 204, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/actions", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/inclusion-tracks/{t1}/actions", {"title": "Gesprek met het WSP"}, {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/actions/{ac1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/inclusion-tracks/{t1}/actions/{ac1}", {"outcome": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/inclusion-tracks/{t1}/actions/{ac1}", None, {"platform": 204, "board-admin": 204, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/placements", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("POST", "/inclusion-tracks/{t1}/placements", "new-placement", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/placements/{pl1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/inclusion-tracks/{t1}/placements/{pl2}", None, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/inclusion-tracks/{t1}/placements/{pl1}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("PATCH", "/inclusion-tracks/{t1}/placements/{pl2}", {"notes": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/inclusion-tracks/{t1}/placements/{pl1}", None, {"platform": 204, "board-admin": 204, "school-admin": 204, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/job-agreement-quotas", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/job-agreement-quotas", {"year": 2025, "percentage": 2.76, "source": "UWV"}, {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/job-agreement-quotas/2024", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/job-agreement-quotas/2024", {"notes": "x"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 403}),
    ("GET", "/labour-market-regions/{r1}/employer-service-point", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PATCH", "/labour-market-regions/{r1}/employer-service-point", {"phone": "023 555 0700"}, {"platform": 200, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 200, "municipality": 403, "other-board": 403}),
    # sync runs: a board's admins (and its sync keys); the change feed: everyone, for their own scope
    ("GET", "/sync-runs", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/sync-runs?boardId={b1}", "new-sync", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 404}),
    ("GET", "/sync-runs/{sr1}", None, {"platform": 200, "board-admin": 200, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/sync-role-mappings?boardId={b1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 404}),
    ("POST", "/sync-role-mappings", "new-mapping", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 403, "other-board": 400}),
    ("DELETE", "/sync-role-mappings/{sm1}", None, {"platform": 204, "board-admin": 204, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/changes", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    # regional programmes: read by the member boards' admins and coordinators, kept by the lead board's admins and the programme's admins; never another board
    ("GET", "/regional-programmes", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/regional-programmes", "new-programme", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("GET", "/regional-programmes/{pr1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}", {"description": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/regional-programmes/{pr1}", None, {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/members", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/members", "new-member", {"platform": 201, "board-admin": 403, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/members/{mb1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}/members/{mb1}", {"leftOn": "2099-01-01"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/admins", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/admins", "new-programme-admin", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/regional-programmes/{pr1}/admins/{ad1}", None, {"platform": 204, "board-admin": 204, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/lines", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/lines", {"nameNl": "Eigen lijn"}, {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/lines/{ln1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}/lines/{ln1}", {"description": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/regional-programmes/{pr1}/lines/{ln1}", None, {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/initiatives", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/initiatives", "new-initiative", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/initiatives/{in1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}/initiatives/{in1}", {"description": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/regional-programmes/{pr1}/initiatives/{in1}", None, {"platform": 409, "board-admin": 409, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/initiatives/{in1}/results", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/initiatives/{in1}/results", "new-result", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/initiatives/{in1}/results/{rs1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}/initiatives/{in1}/results/{rs1}", {"note": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("DELETE", "/regional-programmes/{pr1}/initiatives/{in1}/results/{rs1}", None, {"platform": 204, "board-admin": 204, "school-admin": 204, "coordinator": 204, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/partnerships", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("GET", "/regional-programmes/{pr1}/initiatives/{in1}/participants/{b1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("PATCH", "/regional-programmes/{pr1}/initiatives/{in1}/participants/{b1}", {"contactPersonId": None}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    ("POST", "/regional-programmes/{pr1}/partnerships", "new-shared", {"platform": 201, "board-admin": 201, "school-admin": 403, "coordinator": 403, "counsellor": 404, "viewer": 404, "region": 404, "other-board": 404}),
    # every scope variant of the series: a school's figures for its staff, a board's also for its region, a region for its contacts
    ("GET", "/indicators/parent-contacts/series?scope=school:{s1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("GET", "/indicators/parent-contacts/series?scope=board:{b1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 404}),
    ("GET", "/indicators/parent-contacts/series?scope=region:{r1}", None, {"platform": 200, "board-admin": 404, "school-admin": 404, "coordinator": 404, "counsellor": 404, "viewer": 404, "region": 200, "municipality": 404, "other-board": 404}),
    ("GET", "/measurements", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("POST", "/measurements", "new-measurement", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("POST", "/measurements/bulk", "new-measurements", {"platform": 201, "board-admin": 201, "school-admin": 201, "coordinator": 201, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("GET", "/measurements/{m1}", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 404, "other-board": 404}),
    ("PATCH", "/measurements/{m1}", {"note": "x"}, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("DELETE", "/measurements/{m1}", None, {"platform": 204, "board-admin": 204, "school-admin": 204, "coordinator": 204, "counsellor": 403, "viewer": 403, "region": 404, "other-board": 404}),
    ("GET", "/targets", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PUT", "/targets", "new-target", {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
    ("GET", "/recent-changes?since=2000-01-01T00:00:00%2B00:00", None, {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 200, "counsellor": 200, "viewer": 200, "region": 200, "other-board": 200}),
    ("PUT", "/targets/year", "new-year-target", {"platform": 200, "board-admin": 200, "school-admin": 200, "coordinator": 403, "counsellor": 403, "viewer": 403, "region": 400, "other-board": 400}),
]
# fmt: on


@pytest.fixture
def registry(db):
    import sqlalchemy as sa

    from spil.partners.models import Partner, Partnership
    from spil.people.models import Person, RoleAssignment, RoleType
    from tests.conftest import ids

    demo = ids(db)
    partners = dict(db.execute(sa.select(Partner.name, Partner.id)).all())
    people = dict(db.execute(sa.select(Person.name, Person.id)).all())
    partnerships = {
        (partner, school): pid
        for partner, school, pid in db.execute(
            sa.select(Partner.name, Partnership.school_id, Partnership.id).join(Partner)
        ).all()
    }
    ib = db.execute(
        sa.select(RoleAssignment.id)
        .join(RoleType)
        .where(RoleType.code == "ib", RoleAssignment.school_id == demo["12AB00"])
    ).scalar_one()
    from spil.keypersons.models import (
        AllowancePayment,
        KeyPersonActivity,
        KeyPersonListing,
        VolunteerAgreement,
    )

    agreements = dict(
        db.execute(
            sa.select(Person.name, VolunteerAgreement.id).join(
                Person, Person.id == VolunteerAgreement.person_id
            )
        ).all()
    )
    fatima = db.get(VolunteerAgreement, agreements["Fatima El Amrani"])
    year = fatima.starts_on.year  # the agreement started on 1 January of last year
    payment = AllowancePayment(
        agreement_id=fatima.id,
        board_id=fatima.board_id,
        person_id=fatima.person_id,
        period=fatima.starts_on.replace(month=12),
        year=year,
        allowance=100,
    )
    db.add(payment)
    db.flush()
    activity = db.execute(
        sa.select(KeyPersonActivity.id).where(KeyPersonActivity.school_id == demo["12AB00"]).limit(1)
    ).scalar_one()
    listing = db.execute(
        sa.select(KeyPersonListing.id).where(KeyPersonListing.display_name == "Fatima")
    ).scalar_one()
    from spil.complaints.models import ComplaintRoute, ConfidentialCase

    default_route = db.execute(
        sa.select(ComplaintRoute.id).where(
            ComplaintRoute.school_id.is_(None),
            ComplaintRoute.area == "school-organisation",
            ComplaintRoute.reporter_group == "pupil",
        )
    ).scalar_one()
    case = db.execute(
        sa.select(ConfidentialCase.id).where(ConfidentialCase.school_id == demo["12AB00"]).limit(1)
    ).scalar_one()
    from spil.indicators.models import Measurement

    measurement = db.execute(
        sa.select(Measurement.id).where(Measurement.school_id == demo["12AB00"]).limit(1)
    ).scalar_one()
    return {
        "m1": measurement,
        "rt1": default_route,
        "c1": case,
        "a1": fatima.id,
        "a2": agreements["Murat Yılmaz"],
        "pay1": payment.id,
        "act1": activity,
        "l1": listing,
        "fatima": people["Fatima El Amrani"],
        "agreement_year": year,
        "p1": partners["CJG Haarlem"],
        "p2": partners["Muziekschool Haarlem"],
        "ps1": partnerships[("CJG Haarlem", demo["12AB00"])],
        "ps2": partnerships[("GGD Kennemerland", demo["23CD00"])],
        "pe1": people["Chris Coördinator"],
        "pe2": people["Sanne de Vries"],
        "ra1": ib,
        **_inclusion(db, demo),
        **_programme(db, demo),
    }


def _inclusion(db, demo):
    import sqlalchemy as sa

    from spil.inclusion.models import InclusionAction, InclusionBottleneck, InclusionPlacement, InclusionTrack

    tracks = dict(db.execute(sa.select(InclusionTrack.board_id, InclusionTrack.id)).all())
    t1 = tracks[demo["41234"]]
    placements = dict(
        db.execute(
            sa.select(InclusionPlacement.school_id, InclusionPlacement.id).where(
                InclusionPlacement.track_id == t1
            )
        ).all()
    )

    def first(model):
        return db.execute(sa.select(model.id).where(model.track_id == t1).limit(1)).scalar_one()

    return {
        "t1": t1,
        "t2": tracks[demo["51234"]],
        "bn1": first(InclusionBottleneck),
        "ac1": first(InclusionAction),
        "pl1": placements[demo["12AB00"]],
        "pl2": placements[demo["23CD00"]],
    }


def _programme(db, demo):
    import sqlalchemy as sa

    from spil.access.models import User
    from spil.programmes.models import (
        InitiativeResult,
        ProgrammeAdmin,
        ProgrammeInitiative,
        ProgrammeMember,
        RegionalProgramme,
    )

    programme = db.execute(sa.select(RegionalProgramme.id)).scalar_one()
    third = demo["61234"]
    initiative = db.execute(
        sa.select(ProgrammeInitiative).where(ProgrammeInitiative.name == "Zij-instroomtraject")
    ).scalar_one()
    # the third board's admin keeps the programme too (an account none of the matrix's roles has)
    keeper = db.execute(sa.select(User.id).where(User.email == "bestuur@derde.spil.nl")).scalar_one()
    admin = ProgrammeAdmin(programme_id=programme, user_id=keeper)
    db.add(admin)
    db.flush()
    return {
        "pr1": programme,
        "mb1": db.execute(
            sa.select(ProgrammeMember.id).where(
                ProgrammeMember.programme_id == programme, ProgrammeMember.board_id == third
            )
        ).scalar_one(),
        "ad1": admin.id,
        "ln1": initiative.line_id,
        "in1": initiative.id,
        "rs1": db.execute(
            sa.select(InitiativeResult.id)
            .where(
                InitiativeResult.initiative_id == initiative.id, InitiativeResult.board_id == demo["41234"]
            )
            .limit(1)
        ).scalar_one(),
        "programme_user": db.execute(
            sa.select(User.id).where(User.email == "contactpunt@demo.spil.nl")
        ).scalar_one(),
        **_sync_records(db, demo),
    }


def _sync_records(db, demo):
    """A run and a role mapping of the demo board (the demo has none)."""
    import sqlalchemy as sa

    from spil.people.models import RoleType
    from spil.sync.models import SyncRoleMapping, SyncRun

    run = SyncRun(
        board_id=demo["41234"],
        source="parnassys",
        mode="upsert",
        status="applied",
        actor_type="api-client",
        actor_label="ParnasSys",
    )
    teacher = db.execute(sa.select(RoleType.id).where(RoleType.code == "teacher")).scalar_one()
    mapping = SyncRoleMapping(board_id=demo["41234"], source_name="groepsleider", role_type_id=teacher)
    db.add_all([run, mapping])
    db.flush()
    return {"sr1": run.id, "sm1": mapping.id}


def _with_municipality(expected):
    """A municipality contact reads what a region contact reads, within its municipality: a row
    names it only where the two differ (the region's own series, say)."""
    if "municipality" in expected:
        return expected
    out = {}
    for role, status in expected.items():
        out[role] = status
        if role == "region":
            out["municipality"] = status
    return out


def _cases():
    for method, path, body, expected in MATRIX:
        expected = _with_municipality(expected)
        assert list(expected) == ROLES, f"{method} {path}: name every role, in the order of ROLES"
        for role, status in expected.items():
            yield pytest.param(method, path, body, role, status, id=f"{method} {path} as {role}")


def _request(demo, registry, path, body):
    """The URL and body of a matrix row, with the demo's ids filled in."""
    url = path.format(
        b1=demo["41234"],
        b2=demo["51234"],
        s1=demo["12AB00"],
        s2=demo["23CD00"],
        s4=demo["67GH00"],
        r1=demo["AM37"],
        mu1=demo["GM0392"],
        **registry,
    )
    bodies = {
        "new-partner": {"boardId": demo["41234"], "name": "Nieuw", "category": "sport"},
        "new-region": {
            "kind": "ggd",
            "code": "GGD-KEN",
            "name": "GGD Kennemerland",
            "municipalityIds": [demo["GM0392"]],
        },
        "new-category": {"boardId": demo["41234"], "code": "museum", "nameNl": "Museum", "nameEn": "Museum"},
        "new-partnership": {"schoolId": demo["12AB00"], "partnerId": registry["p2"]},
        "new-person": {"boardId": demo["41234"], "name": "Nieuw"},
        "new-role-type": {
            "boardId": demo["41234"],
            "code": "ict",
            "nameNl": "ICT",
            "nameEn": "ICT",
            "scopeLevel": "school",
        },
        "new-track": {"boardId": demo["41234"]},
        "new-sync": {"source": "parnassys", "people": [{"sourceId": "M-1", "name": "Nieuw Gesynct"}]},
        "new-mapping": {"boardId": demo["41234"], "sourceName": "Conciërge", "roleType": "teacher"},
        "new-programme": {"name": "Onderwijsregio Zuid-Kennemerland", "leadBoardId": demo["41234"]},
        "new-member": {"boardId": demo["51234"]},
        "new-shared": {"partnerId": registry["p1"]},
        "new-programme-admin": {"userId": registry["programme_user"]},
        "new-initiative": {"name": "Vakdocenten delen", "lineId": registry["ln1"]},
        "new-result": {
            "boardId": demo["41234"],
            "indicator": "side-entrants-started",
            "period": "2019-2020",
            "value": 1,
        },
        "new-placement": {
            "schoolId": demo["12AB00"],
            "jobTitle": "Medewerker facilitair",
            "hoursPerWeek": 12.75,
            "startsOn": "2026-09-01",
            "contractKind": "agency",
        },
        "new-assignment": {
            "personId": registry["pe2"],
            "role": "language-coordinator",
            "schoolId": demo["12AB00"],
        },
    }
    bodies.update(
        {
            "new-rule-set": {
                "year": 2018,
                "maxPerHourAdult": 4.5,
                "maxPerHourYoung": 2.5,
                "maxPerMonth": 150,
                "maxPerYear": 1500,
                "sources": [{"title": "Belastingdienst", "url": "https://www.belastingdienst.nl"}],
            },
            "check": {"year": 2025, "months": [{"month": "2025-01", "allowance": 100}]},
            "new-agreement": {
                "personId": registry["pe2"],
                "schoolIds": [demo["12AB00"]],
                "startsOn": "2026-01-01",
                "allowanceScheme": "expenses-only",
            },
            "new-payment": {
                "agreementId": registry["a1"],
                "month": f"{registry['agreement_year']}-11",
                "allowance": 100,
            },
            "new-indicator": {
                "boardId": demo["41234"],
                "code": "reading-club",
                "nameNl": "Leesclub",
                "nameEn": "Reading club",
                "unit": "count",
                "frequency": "month",
                "domain": "inclusion",
            },
            "new-measurement": {
                "indicator": "parent-contacts",
                "schoolId": demo["12AB00"],
                "period": "2023-01",
                "value": 5,
            },
            "new-measurements": {
                "items": [
                    {
                        "indicator": "parent-contacts",
                        "schoolId": demo["12AB00"],
                        "period": "2023-02",
                        "value": 6,
                    }
                ]
            },
            "new-target": {
                "indicator": "parent-contacts",
                "schoolId": demo["12AB00"],
                "period": "2023-01",
                "value": 9,
            },
            "new-year-target": {
                "indicator": "parent-contacts",
                "schoolId": demo["12AB00"],
                "year": "2022-2023",
                "value": 9,
            },
            "new-route": {"schoolId": demo["12AB00"], "area": "school-organisation", "group": "parent"},
            "new-case": {
                "schoolId": demo["12AB00"],
                "area": "undesirable-behaviour",
                "group": "pupil",
                "openedOn": "2026-11-02",
            },
            "new-activity": {
                "schoolId": demo["12AB00"],
                "kind": "coffee-morning",
                "occurredOn": "2026-11-01",
                "personIds": [registry["fatima"]],
                "parentsReached": 8,
            },
        }
    )
    if isinstance(body, str) and body in bodies:
        body = bodies[body]
    if body == "new-school":
        body = _school(demo)
    elif body == "new-user":
        body = {
            "email": "matrix@demo.spil.nl",
            "name": "M",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "viewer", "boardId": demo["41234"]}],
        }
    return url, body


@pytest.mark.parametrize("method,path,body,role,status", list(_cases()))
def test_permission_matrix(login, demo, registry, method, path, body, role, status):
    api = login(ACCOUNTS[role])
    url, body = _request(demo, registry, path, body)
    headers = {"X-CSRF-Token": api.csrf}
    if method in ("PATCH", "DELETE"):
        headers.update(api.current_etag(url))  # a change to what this role read, as the SPA makes it
    r = api.client.request(method, f"/api/v1{url}", json=body, headers=headers)
    assert r.status_code == status, r.text


# Records without a version (none in the matrix today; municipalities are reference data outside it).
# Links with nothing to edit, only to remove (as a user's membership): no version to send.
NOT_VERSIONED: tuple[str, ...] = ("/regional-programmes/{pr1}/admins/", "/sync-role-mappings/")


def _changes_with_if_match():
    """Every PATCH and DELETE of a versioned record in the matrix that some role may make: (row,
    that role)."""
    for method, path, body, expected in MATRIX:
        if method in ("PATCH", "DELETE") and not path.startswith(NOT_VERSIONED):
            # a role that may make the change (409: allowed, but the record is still in use)
            allowed = [(r, status) for r, status in expected.items() if status in (200, 204, 409)]
            if allowed:
                role, status = allowed[0]
                yield pytest.param(method, path, body, role, status, id=f"{method} {path} as {role}")


@pytest.mark.parametrize("method,path,body,role,status", list(_changes_with_if_match()))
def test_no_blind_overwrites(login, demo, registry, method, path, body, role, status):
    """A change of a versioned record needs the ETag it was made against: none (or ``*``) is
    428, an old one 412, and neither writes anything (decision record 0012)."""
    api = login(ACCOUNTS[role])
    url, body = _request(demo, registry, path, body)
    current = api.current_etag(url)
    assert current, f"{url} has no ETag to send"
    for headers, refused in (({}, 428), ({"If-Match": "*"}, 428), ({"If-Match": '"v9999"'}, 412)):
        r = api.client.request(
            method, f"/api/v1{url}", json=body, headers={"X-CSRF-Token": api.csrf, **headers}
        )
        assert r.status_code == refused, r.text
        assert r.headers["content-type"] == "application/problem+json"
        if refused == 428:
            assert r.json()["invalidParams"][0]["name"] == "If-Match"
    assert api.current_etag(url) == current  # nothing changed
    r = api.client.request(method, f"/api/v1{url}", json=body, headers={"X-CSRF-Token": api.csrf, **current})
    assert r.status_code == status, r.text


def test_the_openapi_document_says_if_match_is_required():
    from spil.api import create_api

    doc = create_api().openapi()
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            for param in operation.get("parameters", []):
                if param["name"] == "If-Match":
                    assert param["required"] is True, (method, path)
                    assert {"412", "428"} <= set(operation["responses"]), (method, path)


def test_every_operation_is_in_the_matrix_or_covered_elsewhere():
    """A new endpoint must be added to the matrix (or to this explicit list of other coverage)."""
    from spil.api import create_api

    elsewhere = {  # operation -> the test module that covers its permissions
        ("GET", "/health"): "test_conventions",
        ("GET", "/health/ready"): "test_conventions",
        ("POST", "/auth/login"): "test_auth",
        ("POST", "/auth/logout"): "test_auth",
        ("POST", "/auth/password"): "test_auth",
        ("POST", "/oauth/token"): "test_oauth",
        ("GET", "/people/{personId}/personal-data"): "test_privacy",
        ("POST", "/people/{personId}/erasure"): "test_privacy",
        ("GET", "/labour-market-regions"): "test_organisations",
        ("DELETE", "/regions/{regionId}"): "test_regions",
        ("PUT", "/regions/{regionId}/municipalities"): "test_regions",
        ("GET", "/labour-market-regions/{regionId}"): "test_organisations",
        ("GET", "/municipalities/{municipalityId}"): "test_organisations",
        ("PATCH", "/municipalities/{municipalityId}"): "test_organisations",
        ("DELETE", "/municipalities/{municipalityId}"): "test_organisations",
        ("GET", "/boards"): "test_organisations",
        ("GET", "/schools"): "test_organisations",
        ("GET", "/users/{userId}"): "test_organisations",
        ("PATCH", "/users/{userId}"): "test_auth",
        ("POST", "/users/{userId}/memberships"): "test_organisations",
        ("DELETE", "/users/{userId}/memberships/{membershipId}"): "test_organisations",
        ("POST", "/api-clients"): "test_auth",
        ("POST", "/invitations"): "test_accounts",
        ("POST", "/users/{userId}/invitations"): "test_accounts",
        ("DELETE", "/users/{userId}/invitations"): "test_accounts",
        ("POST", "/auth/password-reset"): "test_accounts",
        ("POST", "/auth/new-password"): "test_accounts",
        ("POST", "/auth/two-factor/secret"): "test_two_factor",
        ("POST", "/auth/two-factor/activation"): "test_two_factor",
        ("DELETE", "/auth/two-factor"): "test_two_factor",
        ("DELETE", "/users/{userId}/two-factor"): "test_two_factor",
        ("GET", "/reminder-settings"): "test_reminders",
        ("PUT", "/reminder-settings"): "test_reminders",
        ("POST", "/reminder-unsubscriptions"): "test_reminders",
        ("GET", "/partners"): "test_partners",
        ("POST", "/imports/{kind}"): "test_transfer",
        ("GET", "/exports/{kind}"): "test_transfer",
        ("GET", "/partnerships"): "test_partners",
        ("PATCH", "/partnerships/{partnershipId}/bottlenecks/{bottleneckId}"): "test_partners",
        ("GET", "/people"): "test_people",
        ("DELETE", "/role-types/{roleTypeId}"): "test_people",
        ("GET", "/role-assignments"): "test_people",
        ("DELETE", "/role-assignments/{roleAssignmentId}"): "test_people",
        ("DELETE", "/api-clients/{apiClientId}"): "test_auth",
        ("GET", "/volunteer-agreements"): "test_keypersons",
        ("GET", "/allowance-payments"): "test_keypersons",
        ("GET", "/key-person-activities"): "test_keypersons",
        ("DELETE", "/key-person-activities/{activityId}"): "test_keypersons",
        ("GET", "/key-person-listings"): "test_keypersons",
        ("POST", "/key-person-listings"): "test_keypersons",
        ("GET", "/public/schools/{locationCode}/key-persons"): "test_keypersons",
        ("GET", "/external-bodies/{code}"): "test_complaints",
        ("DELETE", "/complaint-routes/{routeId}"): "test_complaints",
        ("GET", "/public/schools/{locationCode}/complaint-routes"): "test_complaints",
        ("GET", "/public/schools/{locationCode}/complaint-routes/{area}"): "test_complaints",
    }
    normalise = {
        "{b1}": "{boardId}",
        "{b2}": "{boardId}",
        "{s1}": "{schoolId}",
        "{s2}": "{schoolId}",
        "{s4}": "{schoolId}",
        "/1": "/{regionId}",
        "{r1}": "{regionId}",
        "{mu1}": "{municipalityId}",
        "{p1}": "{partnerId}",
        "{ps1}": "{partnershipId}",
        "{ps2}": "{partnershipId}",
        "{pe1}": "{personId}",
        "{ra1}": "{roleAssignmentId}",
        "{a1}": "{agreementId}",
        "{a2}": "{agreementId}",
        "{pay1}": "{paymentId}",
        "{act1}": "{activityId}",
        "{l1}": "{listingId}",
        "/2025": "/{year}",
        "{rt1}": "{routeId}",
        "{c1}": "{caseId}",
        "{m1}": "{measurementId}",
        "{t1}": "{trackId}",
        "{pr1}": "{programmeId}",
        "{mb1}": "{memberId}",
        "{ad1}": "{adminId}",
        "{ln1}": "{lineId}",
        "{in1}": "{initiativeId}",
        "{rs1}": "{resultId}",
        "{sr1}": "{syncRunId}",
        "{sm1}": "{mappingId}",
        "{t2}": "{trackId}",
        "{bn1}": "{bottleneckId}",
        "{ac1}": "{actionId}",
        "{pl1}": "{placementId}",
        "{pl2}": "{placementId}",
        "/2024": "/{year}",
        "/parent-contacts": "/{code}",
        "/school-organisation": "/{area}",
        "/veilig-thuis": "/{code}",
    }
    seen = set()
    variants = set()  # (method, path, kind) of the rows that ask for a ?scope=<kind>:<id>
    for m, p in ((m, p) for m, p, _, _ in MATRIX):
        path, _, query = p.partition("?")
        for k, v in normalise.items():
            path = path.replace(k, v)
        seen.add((m, path))
        if (scope := re.search(r"(?:^|&)scope=([a-z]+):", query)) is not None:
            variants.add((m, path, scope.group(1)))
    doc = create_api().openapi()
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            op = (method.upper(), path)
            assert op in seen or op in elsewhere, f"{op} has no permission test"
            # an operation with a ``scope`` parameter needs a row for every kind of scope it takes
            for param in operation.get("parameters", []):
                if param["name"] != "scope" or param["in"] != "query":
                    continue
                kinds = set(re.findall(r"`([a-z]+):<id>`", param.get("description", "")))
                assert kinds, f"{op}: the scope parameter does not list its kinds (`kind:<id>`)"
                for kind in sorted(kinds):
                    assert (*op, kind) in variants, f"{op} has no permission test for scope={kind}:<id>"
