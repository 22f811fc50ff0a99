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
    # a column Spil does not know is left out, and the preview says so
    r = post_csv(api, "people", demo["41234"], b"name;colour\nx;red\n")
    assert r.status_code == 200 and r.json()["invalid"] == 0
    assert r.json()["columns"] == [{"header": "name", "field": "name"}, {"header": "colour", "field": None}]
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
    xlsx = api.get("/exports/partnerships", params={"format": "xlsx", "lang": "en"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["partner", "category", "school"]
    dutch = load_workbook(
        io.BytesIO(api.get("/exports/partnerships", params={"format": "xlsx"}).content)
    ).active
    assert [c.value for c in dutch[1]][:3] == ["Partner", "Categorie", "School"]
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


@pytest.mark.parametrize("kind", ["partners", "people", "role-assignments", "measurements"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(login, demo, kind, lang, fmt):
    """Issue 16: the Dutch export (the default) and the English one, as CSV or Excel workbook,
    can be edited and imported back; unchanged, they change nothing."""
    api = login("bestuur@demo.spil.nl")
    exported = api.get(f"/exports/{kind}", params={"boardId": demo["41234"], "lang": lang, "format": fmt})
    assert exported.status_code == 200
    r = post_csv(api, kind, demo["41234"], exported.content)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["invalid"] == 0, [row for row in body["rows"] if row["status"] == "error"][:3]
    assert body["total"] > 0 and {row["status"] for row in body["rows"]} == {"unchanged"}
    assert body["encoding"] == ("xlsx" if fmt == "xlsx" else "utf-8-sig")
    understood = [c for c in body["columns"] if c["field"]]
    assert understood, body["columns"]


def test_the_dutch_export_reads_as_people_write(login, demo):
    api = login("bestuur@demo.spil.nl")
    text = api.get("/exports/partners", params={"boardId": demo["41234"]}).content.decode("utf-8-sig")
    header, _first = text.split("\r\n")[:2]
    assert header.split(";") == [
        "Naam",
        "Categorie",
        "KvK-nummer",
        "E-mailadres",
        "Telefoonnummer",
        "Website",
        "Gemeente",
        "Adres",
        "Opmerkingen",
    ]
    people = api.get("/exports/people", params={"boardId": demo["41234"]}).content.decode("utf-8-sig")
    assert people.split("\r\n")[0].startswith("Naam;Soort;E-mailadres")
    assert ";Medewerker;" in people
    roles = api.get("/exports/role-assignments", params={"boardId": demo["41234"]}).content.decode(
        "utf-8-sig"
    )
    assert "Eerste aanspreekpunt" in roles.split("\r\n")[0] and ";ja;" in roles


def test_an_import_takes_the_labels_people_use(login, demo):
    """Column labels and value names in Dutch or English, whatever the case or accents."""
    api = login("bestuur@demo.spil.nl")
    content = (
        "NAAM;categorie;KvK-Nummer;e-mail adres;Télefoonnummer;Kleur\r\n"
        "Bibliotheek Noord;Bibliotheek;12345678;info@noord.example;023 555 0199;rood\r\n"
        "Natuurclub;natuur en milieu;;;;\r\n"
        "Sportclub;Sport;;;;\r\n"
    ).encode("cp1252")
    r = post_csv(api, "partners", demo["41234"], content)
    body = r.json()
    assert r.status_code == 200 and body["invalid"] == 0, body
    assert [(c["header"], c["field"]) for c in body["columns"]] == [
        ("NAAM", "name"),
        ("categorie", "category"),
        ("KvK-Nummer", "kvkNumber"),
        ("e-mail adres", "email"),
        ("Télefoonnummer", "phone"),
        ("Kleur", None),
    ]
    people = b"Naam;Soort;E-mailadres\r\nVera Vrij;vrijwilliger;\r\nEef Extern;External;\r\n"
    assert post_csv(api, "people", demo["41234"], people).json()["invalid"] == 0
    wrong = post_csv(api, "people", demo["41234"], b"Naam;Soort\r\nX;Astronaut\r\n").json()
    assert wrong["rows"][0]["errors"] == [
        {
            "field": "kind",
            "reason": "Onbekende soort 'Astronaut': gebruik Medewerker, Vrijwilliger of Extern.",
        }
    ]
    english = api.client.post(
        "/api/v1/imports/people",
        params={"boardId": demo["41234"]},
        content=b"Name;Kind\r\nX;Astronaut\r\n",
        headers={"Content-Type": "text/csv", "X-CSRF-Token": api.csrf, "Accept-Language": "en"},
    ).json()
    assert english["rows"][0]["errors"][0]["reason"].startswith("Unknown kind 'Astronaut'")


def test_row_errors_of_the_validator_are_in_dutch(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = post_csv(
        api, "people", demo["41234"], ("Naam;E-mailadres\r\n" + "x" * 201 + ";geen-adres\r\n").encode()
    )
    errors = {e["field"]: e["reason"] for e in r.json()["rows"][0]["errors"]}
    assert errors["name"] == "Gebruik hoogstens 200 tekens.", errors


def test_an_excel_workbook_is_imported_like_a_csv(login, demo):
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Persoon", "Rol", "Vestigingscode", "Uren per week", "Begindatum"])
    sheet.append(["Chris Coördinator", "Intern begeleider", "12AB00", 8, dt.datetime(2026, 8, 1)])
    out = io.BytesIO()
    book.save(out)
    api = login("bestuur@demo.spil.nl")
    r = post_csv(api, "role-assignments", demo["41234"], out.getvalue())
    body = r.json()
    assert r.status_code == 200 and body["encoding"] == "xlsx", body
    assert body["invalid"] == 0, body["rows"]
    assert [c["field"] for c in body["columns"]] == ["person", "role", "school", "hoursPerWeek", "startsOn"]
    broken = post_csv(api, "people", demo["41234"], b"PK\x03\x04 not really a workbook")
    assert broken.status_code == 400 and broken.json()["invalidParams"][0]["name"] == "file"
