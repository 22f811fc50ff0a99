"""CSV import (encodings, separators, Excel files, dry run, per-row errors) and CSV/XLSX export."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from spil.transfer.tabular import read_csv, write_csv


def post_csv(api, kind, board_id, content: bytes, **params):
    return api.client.post(
        f"/api/v1/imports/{kind}",
        params={"boardId": board_id, **{k: str(v).lower() for k, v in params.items()}},
        content=content,
        headers={"Content-Type": "text/csv", "X-CSRF-Token": api.csrf},
    )


def test_reading_excel_files_in_every_shape():
    utf8_bom = "\ufeffnaam;categorie\r\nCoöperatie De Kern;culture\r\n".encode()
    cp1252 = "naam;categorie\r\nCoöperatie De Kern;culture\r\n".encode("cp1252")
    comma = b'name,category,notes\n"Sport, Spel en Zo",sport,"two\nlines"\n'
    for raw, sep, enc in ((utf8_bom, ";", "utf-8-sig"), (cp1252, ";", "windows-1252"), (comma, ",", "utf-8")):
        table = read_csv(raw)
        assert table.separator == sep and table.encoding == enc
    assert read_csv(cp1252).rows[0]["naam"] == "Coöperatie De Kern"
    assert read_csv(comma).rows[0] == {
        "name": "Sport, Spel en Zo",
        "category": "sport",
        "notes": "two\nlines",
    }


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),  # starts with a number, is a formula
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tkleurig", "'\tkleurig"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("+31 23 555 0101", "+31 23 555 0101"),  # a phone number stays
        ("-2", "-2"),  # a plain number stays
        ("+3,5", "+3,5"),
        ("Haarlem - Noord", "Haarlem - Noord"),
    ],
)
def test_export_defuses_formulas_but_keeps_numbers_and_phone_numbers(text, written):
    out = write_csv(["a"], [[text]]).decode("utf-8-sig")
    assert out.split("\r\n")[1].strip('"') == written


def test_xlsx_export_writes_formulas_as_text():
    import io

    from openpyxl import load_workbook

    from spil.transfer.tabular import write_xlsx

    data = write_xlsx("t", ["a", "b"], [["=1+1", "-2+3+cmd|' /C calc'!A0"], [3, "+31 23 555 0101"]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.data_type for c in sheet[2]] == ["s", "s"]
    assert sheet["A2"].value == "=1+1" and sheet["A3"].value == 3


def test_partner_import_dry_run_then_all_or_nothing_then_valid_only(login, demo):
    api = login("coordinator@demo.spil.nl")
    board = demo["41234"]
    content = (
        "naam;categorie;kvk;gemeente;e-mail\r\n"
        "Scoutinggroep Haarlem;community-work;11223344;Haarlem;info@scouting.example\r\n"
        "Zwembad De Houtvaart;swimming;;GM0392;\r\n"
        "Speeltuin Noord;sport;123;;\r\n"
        ";;;;\r\n"
    ).encode("cp1252")
    preview = post_csv(api, "partners", board, content)
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["dryRun"] is True and body["written"] is False
    assert (body["total"], body["valid"], body["invalid"]) == (3, 1, 2)
    errors = {r["row"]: r["errors"][0]["field"] for r in body["rows"] if r["status"] == "error"}
    assert errors == {3: "category", 4: "kvkNumber"}
    assert api.get("/partners", params={"q": "scouting"}).json()["total"] == 0  # nothing written
    all_or_nothing = post_csv(api, "partners", board, content, dryRun=False)
    assert all_or_nothing.json()["written"] is False
    assert api.get("/partners", params={"q": "scouting"}).json()["total"] == 0
    valid_only = post_csv(api, "partners", board, content, dryRun=False, validOnly=True).json()
    assert valid_only["written"] is True and valid_only["created"] == 1
    partner = api.get("/partners", params={"q": "scouting"}).json()["items"][0]
    assert partner["municipalityName"] == "Haarlem" and partner["kvkNumber"] == "11223344"
    again = post_csv(api, "partners", board, content, dryRun=False, validOnly=True).json()
    assert [r["status"] for r in again["rows"] if r["status"] != "error"] == ["unchanged"]


def test_people_and_role_assignment_import(login, demo):
    api = login("bestuur@demo.spil.nl")
    board = demo["41234"]
    people = b"name,email,kind,languages\nHanna Bakker,h.bakker@example.org,staff,nl en\nAli Demir,,volunteer,tr|nl\n"
    r = post_csv(api, "people", board, people, dryRun=False).json()
    assert r["created"] == 2 and r["written"] is True
    ali = api.get("/people", params={"q": "demir"}).json()["items"][0]
    assert ali["languages"] == ["tr", "nl"] and ali["kind"] == "volunteer"
    roles = (
        b"person;role;school;partner;hoursPerWeek;isPrimary\n"
        b"h.bakker@example.org;anti-bullying-coordinator;45EF00;;1,5;ja\n"
        b"Hanna Bakker;partnership-contact;45EF00;Muziekschool Haarlem;;nee\n"
        b"Ali Demir;key-person;99XX00;;;\n"
        b"Nobody;ib;12AB00;;;\n"
    )
    result = post_csv(api, "role-assignments", board, roles, dryRun=False, validOnly=True).json()
    statuses = [
        (r["row"], r["status"], r["errors"][0]["field"] if r["errors"] else None) for r in result["rows"]
    ]
    assert statuses == [
        (2, "create", None),
        (3, "create", None),
        (4, "error", "school"),
        (5, "error", "person"),
    ]
    gaps = api.get("/gaps", params={"schoolId": demo["45EF00"], "kind": "statutory-role-missing"}).json()
    assert [g["details"]["role"] for g in gaps["items"]] == ["internal-confidential-counsellor"]
    contact = api.get("/role-assignments", params={"schoolId": demo["45EF00"], "role": "partnership-contact"})
    assert contact.json()["items"][0]["partnerName"] == "Muziekschool Haarlem"


def test_import_needs_the_right_columns_and_role(login, demo):
    api = login("coordinator@demo.spil.nl")
    r = post_csv(api, "people", demo["41234"], b"email;colour\nx@example.org;red\n")
    assert r.status_code == 400 and {p["name"] for p in r.json()["invalidParams"]} == {"name"}
    r = post_csv(api, "people", demo["41234"], b"name;colour\nx;red\n")
    assert r.status_code == 400 and r.json()["type"].endswith("unknown-columns")
    assert [(p["name"], p["in"]) for p in r.json()["invalidParams"]] == [("colour", "body")]
    r = post_csv(api, "people", demo["41234"], b"name\n" + b"X\n" * 5001)
    assert r.status_code == 400 and r.json()["type"].endswith("too-many-rows")
    assert [p["name"] for p in r.json()["invalidParams"]] == ["file"]
    r = post_csv(api, "people", demo["41234"], b"name\n" + b"x" * (5 * 1024 * 1024))
    assert r.status_code == 400 and r.json()["type"].endswith("file-too-large")
    assert [p["name"] for p in r.json()["invalidParams"]] == ["file"]
    viewer = login("lezer@demo.spil.nl")
    assert post_csv(viewer, "people", demo["41234"], b"name\nX\n").status_code == 403
    other = login("bestuur@tweede.spil.nl")
    assert post_csv(other, "people", demo["41234"], b"name\nX\n").status_code == 400


def test_exports_round_trip_and_xlsx(login, demo):
    api = login("bestuur@demo.spil.nl")
    csv_file = api.get("/exports/people", params={"boardId": demo["41234"]})
    assert csv_file.status_code == 200 and csv_file.headers["content-type"].startswith("text/csv")
    assert 'filename="spil-people.csv"' in csv_file.headers["content-disposition"]
    assert csv_file.content.startswith(b"\xef\xbb\xbf")
    again = post_csv(api, "people", demo["41234"], csv_file.content).json()
    assert again["invalid"] == 0 and {r["status"] for r in again["rows"]} == {"unchanged"}
    xlsx = api.get("/exports/partnerships", params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["partner", "category", "school"]
    assert sheet.max_row - 1 == api.get("/partnerships").json()["total"]
    assert (
        login("bestuur@tweede.spil.nl").get("/exports/partners").content.decode("utf-8-sig").count("\n") == 2
    )


def test_xlsx_export_drops_control_characters_it_cannot_hold():
    from spil.transfer.tabular import write_xlsx

    sheet = load_workbook(io.BytesIO(write_xlsx("t", ["name", "n"], [["Bel\x10 mij", 3]]))).active
    assert [c.value for c in sheet[2]] == ["Bel mij", 3]


def test_an_import_into_a_board_outside_ones_scope_names_the_query_parameter(login, demo):
    r = login("bestuur@tweede.spil.nl").post(
        f"/imports/people?boardId={demo['41234']}",
        content=b"name\nX\n",
        headers={"Content-Type": "text/csv"},
    )
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0] == {**r.json()["invalidParams"][0], "name": "boardId", "in": "query"}
