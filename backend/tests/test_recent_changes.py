"""The home page's "since your previous visit": the previous login, and what others changed since."""

from __future__ import annotations

import datetime as dt

COORDINATOR = "coordinator@demo.spil.nl"
BOARD = "bestuur@demo.spil.nl"


def _partnership_at(api, school_id):
    items = api.get("/partnerships", params={"schoolId": school_id, "pageSize": 100}).json()["items"]
    return items[0]


def test_the_previous_visit_is_the_login_before_this_one(login):
    first = login(COORDINATOR)
    me = first.get("/auth/session").json()["user"]
    assert me["lastLoginAt"] is not None
    again = login(COORDINATOR).get("/auth/session").json()["user"]
    assert again["previousLoginAt"] == me["lastLoginAt"]
    assert again["lastLoginAt"] > me["lastLoginAt"]


def test_others_changes_in_my_scope_since_my_previous_visit(login, demo):
    coordinator = login(COORDINATOR)
    since = coordinator.get("/auth/session").json()["user"]["lastLoginAt"]

    board = login(BOARD)
    mine = _partnership_at(board, demo["12AB00"])
    other_school = _partnership_at(board, demo["23CD00"])
    for p, note in ((mine, "Nieuwe afspraken."), (other_school, "Elders.")):
        path = f"/partnerships/{p['id']}"
        r = board.patch(path, {"notes": note}, headers={"If-Match": board.get(path).headers["ETag"]})
        assert r.status_code == 200, r.text

    coordinator = login(COORDINATOR)
    own = coordinator.post(
        "/people", {"name": "Eigen Wijziging", "kind": "staff", "boardId": mine["boardId"]}
    )
    assert own.status_code == 201, own.text
    recent = coordinator.get("/recent-changes", params={"since": since}).json()
    seen = {(c["entityType"], c["entityId"]) for c in recent["latest"]}
    assert ("partnership", mine["id"]) in seen
    assert ("partnership", other_school["id"]) not in seen  # another school: not the coordinator's
    assert ("person", own.json()["id"]) not in seen  # their own change they know
    change = next(c for c in recent["latest"] if c["entityId"] == mine["id"])
    assert change["action"] == "update" and change["schoolId"] == demo["12AB00"] and change["actorLabel"]
    assert change["label"] == mine["partnerName"]  # a partnership is named by its partner
    assert {"entityType": "partnership", "action": "update", "count": 1} in recent["counts"]
    assert recent["total"] == sum(c["count"] for c in recent["counts"])

    # the board administrator sees both schools' changes, but not their own
    board_view = login(BOARD).get("/recent-changes", params={"since": since}).json()
    assert not {("partnership", mine["id"]), ("partnership", other_school["id"])} & {
        (c["entityType"], c["entityId"]) for c in board_view["latest"]
    }
    # later than everything: nothing
    later = (dt.datetime.fromisoformat(since) + dt.timedelta(days=365)).isoformat()
    assert coordinator.get("/recent-changes", params={"since": later}).json()["total"] == 0


def test_aggregate_readers_see_no_changes_and_a_time_needs_its_zone(login):
    region = login("regio@demo.spil.nl")
    recent = region.get("/recent-changes", params={"since": "2020-01-01T00:00:00+01:00"})
    assert recent.status_code == 200 and recent.json()["total"] == 0 and recent.json()["latest"] == []
    naive = region.get("/recent-changes", params={"since": "2020-01-01T00:00:00"})
    assert naive.status_code == 400
    assert [p["name"] for p in naive.json()["invalidParams"]] == ["since"]


def test_the_confidential_register_and_accounts_do_not_show(login, demo):
    """Even a platform administrator's home page shows no confidential case and no account change:
    those stay with the screens that guard them."""
    since = login("admin@demo.spil.nl").get("/auth/session").json()["user"]["lastLoginAt"]
    counsellor = login("vertrouwenspersoon@demo.spil.nl")
    case = counsellor.post(
        "/confidential-cases",
        {
            "schoolId": demo["12AB00"],
            "area": "undesirable-behaviour",
            "group": "pupil",
            "openedOn": "2026-11-02",
        },
    )
    assert case.status_code == 201, case.text
    board = login(BOARD)
    partnership = _partnership_at(board, demo["12AB00"])
    path = f"/partnerships/{partnership['id']}"
    r = board.patch(path, {"notes": "Zichtbaar."}, headers={"If-Match": board.get(path).headers["ETag"]})
    assert r.status_code == 200, r.text
    admin = login("admin@demo.spil.nl")
    recent = admin.get("/recent-changes", params={"since": since}).json()
    types = {c["entityType"] for c in recent["counts"]}
    assert "partnership" in types
    assert not types & {"confidential-case", "user", "membership", "api-client", "allowance-payment"}
