"""Schools from DUO (``POST /imports/duo-schools``): reading DUO's files of school locations in
their current and older layouts, the dry run's diff, writing through the audit trail, problems
per row, bad files, who may import; and files sent as multipart forms (also to ``/imports/{kind}``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from spil.kit.audit import AuditEvent
from spil.organisations.models import School
from spil.transfer import duo
from spil.transfer.tabular import UnreadableFile

DATA = Path(__file__).parent / "data" / "duo"
CURRENT = (DATA / "adressen-alle-vestigingen-bo.csv").read_bytes()  # UTF-8, ";", the current names
OLD = (DATA / "adressen-alle-vestigingen-oud.csv").read_bytes()  # Latin-1, ",", BRIN NUMMER, capitals
BOARD_ADMIN = "bestuur@demo.spil.nl"
HEADER = "BEVOEGD GEZAG NUMMER;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER"


def post_duo(api, board_id, content: bytes, *, multipart=False, headers=None, **params):
    query = {
        "boardId": board_id,
        **{k: str(v).lower() if isinstance(v, bool) else v for k, v in params.items()},
    }
    sent = {**({"X-CSRF-Token": api.csrf} if api.csrf else {}), **api.headers, **(headers or {})}
    if multipart:
        return api.client.post(
            "/api/v1/imports/duo-schools",
            params=query,
            files={"file": ("vestigingen.csv", content, "text/csv")},
            headers=sent,
        )
    return api.client.post(
        "/api/v1/imports/duo-schools",
        params=query,
        content=content,
        headers={"Content-Type": "text/csv", **sent},
    )


def by_code(result):
    return {s["locationCode"]: s for s in result["schools"]}


def school_events(db) -> int:
    return db.scalar(
        sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.entity_type == "school")
    )


# --- the pure parts ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("capitals", "normal"),
    [
        ("OBS DE SPIL", "OBS De Spil"),
        ("BASISSCHOOL DE REGENBOOG", "Basisschool De Regenboog"),
        ("SBO DE WENDING", "SBO De Wending"),
        ("CBS HET KOMPAS", "CBS Het Kompas"),
        ("PCB DE ARK", "PCB De Ark"),
        ("RKBS ST. JOZEF", "RKBS St. Jozef"),
        ("R.K. BASISSCHOOL DE BRON", "R.K. Basisschool De Bron"),
        ("IKC DE ZEVENSPRONG", "IKC De Zevensprong"),
        ("OBS 'T SCHOLLETJE", "OBS 't Scholletje"),
        ("OBS IN DE WIJNGAARD", "OBS In de Wijngaard"),
        ("KINDCENTRUM HET ANKER", "Kindcentrum Het Anker"),
        ("MICHIEL DE RUYTERSCHOOL", "Michiel de Ruyterschool"),
        ("JAN VAN NASSAUSCHOOL", "Jan van Nassauschool"),
        ("KONING WILLEM-ALEXANDERSCHOOL", "Koning Willem-Alexanderschool"),
        ("OBS DE SPIL, LOCATIE HET MOZAÏEK", "OBS De Spil, Locatie Het Mozaïek"),
        ("OBS DE SPIL - LOCATIE NOORD", "OBS De Spil - Locatie Noord"),
        ("ZMLK SCHOOL DE ZWENGEL", "ZMLK School De Zwengel"),
        # places and streets
        ("HAARLEM", "Haarlem"),
        ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
        ("'S-GRAVENHAGE", "'s-Gravenhage"),
        ("DEN HAAG", "Den Haag"),
        ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
        ("IJMUIDEN", "IJmuiden"),
        ("BERGEN (NH)", "Bergen (NH)"),
        ("HENDRIK-IDO-AMBACHT", "Hendrik-Ido-Ambacht"),
        ("BURGEMEESTER VAN DER LEEUWLAAN", "Burgemeester van der Leeuwlaan"),
        ("LAAN VAN MEERDERVOORT", "Laan van Meerdervoort"),
        ("VAN EEGHENSTRAAT", "Van Eeghenstraat"),
        ("2E HUGO DE GROOTSTRAAT", "2e Hugo de Grootstraat"),
        ("DR. SCHAEPMANSTRAAT", "Dr. Schaepmanstraat"),
        # denominations
        ("ROOMS-KATHOLIEK", "Rooms-Katholiek"),
        ("SAMENWERKING OPB., PC", "Samenwerking Opb., PC"),
        # already in normal case, or empty: as written
        ("OBS de Spil", "OBS de Spil"),
        ("Basisschool De Regenboog", "Basisschool De Regenboog"),
        ("", ""),
    ],
)
def test_names_in_capitals_get_normal_case(capitals, normal):
    assert duo.normal_case(capitals) == normal


def test_codes_and_values_as_duo_writes_them():
    assert duo.board_number("41234") == "41234"
    assert duo.board_number("1234") == "01234"  # leading zeros dropped
    assert duo.board_number("1234.0") == "01234"  # through a spreadsheet
    assert duo.location_code("12AB", "12ab00") == "12AB00"  # the whole code
    assert duo.location_code("12AB", "1") == "12AB01"  # the suffix (older files)
    assert duo.location_code("", "12AB01") == "12AB01"
    assert duo.location_code("12AB", "00") == "12AB00"
    for brin, location in (("12AB", "12AB0"), ("12AB", "34CD00"), ("", "1"), ("12AB", "12-B00")):
        with pytest.raises(ValueError):
            duo.location_code(brin, location)
    assert duo.municipality_code("0392") == "GM0392"
    assert duo.municipality_code("392") == "GM0392"
    assert duo.municipality_code("GM0392") == "GM0392"
    with pytest.raises(ValueError):
        duo.municipality_code("Haarlem")
    assert duo.sector_of("Bo") == "PO"
    assert duo.sector_of("Sbo") == "SBO"
    assert duo.sector_of("(V)SO") == "SO"
    assert duo.sector_of("Voortgezet speciaal onderwijs") == "SO"
    assert duo.sector_of("", "VMBO-T/HAVO/VWO") == "VO"
    assert duo.sector_of("iets anders") is None and duo.sector_of("") is None
    assert duo.website("www.obsdespil.nl") == "https://www.obsdespil.nl"
    assert duo.website("WWW.OBSDESPIL.NL") == "https://www.obsdespil.nl"
    assert duo.website("http://obs.example/Over") == "http://obs.example/Over"


def test_reading_the_current_and_the_old_layout():
    current = duo.parse(CURRENT)
    assert (current.layout, current.separator, current.encoding, current.sector) == (
        "current",
        ";",
        "utf-8",
        "PO",
    )
    assert len(current.rows) == 8 and current.rows[1].cells["location"] == "12AB00"
    assert (
        current.headers["location"] == "VESTIGINGSCODE" and "RMC-REGIO NAAM" not in current.headers.values()
    )
    with_bom = duo.parse(b"\xef\xbb\xbf" + CURRENT)
    assert with_bom.encoding == "utf-8-sig" and with_bom.headers["board"] == "BEVOEGD GEZAG NUMMER"
    old = duo.parse(OLD)
    assert (old.layout, old.separator, old.encoding) == ("old", ",", "windows-1252")
    assert old.headers["institution"] == "BRIN NUMMER" and old.headers["location"] == "VESTIGINGSNUMMER"
    mozaiek = next(r for r in old.rows if r.cells["location"] == "02")
    assert mozaiek.cells["name"] == "OBS DE SPIL, LOCATIE HET MOZAÏEK" and mozaiek.number == 5
    assert [r.board_number for r in old.rows][-1] == "01234"
    # the kind of school per row: not DUO's file of primary schools
    special = duo.parse(
        b"BEVOEGD GEZAG NUMMER;VESTIGINGSCODE;VESTIGINGSNAAM;SOORT PO\n41234;45EF00;SBO DE WENDING;Sbo\n"
    )
    assert special.sector is None and special.rows[0].cells["kind"] == "Sbo"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"\r\n\r\n", "empty"),
        (b"name;category\nScouting;sport\n", "VESTIGINGSCODE"),
        ("BEVOEGD GEZAG NUMMER;VESTIGINGSCODE\n41234;12AB00\n".encode("utf-16"), "NUL"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "NUL"),  # a zip (an .xlsx)
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "VESTIGINGSCODE"),
    ],
)
def test_files_that_are_not_duo_files_are_refused_with_the_reason(raw, reason):
    with pytest.raises(UnreadableFile, match=reason):
        duo.parse(raw)


# --- the API -------------------------------------------------------------------------------------
def test_dry_run_shows_the_diff_then_the_import_writes_it_once(login, demo, db):
    api = login(BOARD_ADMIN)
    board = demo["41234"]
    events = school_events(db)
    preview = post_duo(api, board, CURRENT)
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert (body["dryRun"], body["written"], body["layout"], body["fileSector"]) == (
        True,
        False,
        "current",
        "PO",
    )
    assert (body["rowsInFile"], body["otherBoardRows"], body["total"]) == (8, 4, 4)
    assert (body["created"], body["updated"], body["unchanged"], body["invalid"]) == (1, 2, 1, 0)
    schools = by_code(body)
    assert {c: s["status"] for c, s in schools.items()} == {
        "12AB00": "update",
        "23CD00": "update",
        "45EF00": "unchanged",
        "12AB01": "create",
    }
    # DUO's capitals, its phone number without spaces and its postal code without one are no change
    assert {c["field"]: (c["old"], c["new"]) for c in schools["12AB00"]["changes"]} == {
        "website": (None, "https://www.obsdespil.example"),
        "denomination": (None, "Openbaar"),
    }
    assert schools["12AB00"]["name"] == "OBS De Spil" and schools["12AB00"]["schoolId"] == demo["12AB00"]
    new = {c["field"]: c["new"] for c in schools["12AB01"]["changes"]}
    assert new == {
        "name": "OBS De Spil, Locatie Kleverpark",
        "sector": "PO",
        "municipality": "Haarlem (GM0392)",
        "street": "Jan Gijzenkade",
        "houseNumber": "3 A",
        "postalCode": "2024 JA",
        "city": "Haarlem",
        "phone": "0235550111",
        "website": "https://www.obsdespil.example",
        "denomination": "Openbaar",
    }
    assert [m["locationCode"] for m in body["notInFile"]] == []
    assert school_events(db) == events  # a dry run writes nothing
    assert api.get("/schools", params={"boardId": board}).json()["total"] == 3

    written = post_duo(api, board, CURRENT, dryRun=False).json()
    assert written["written"] is True and (written["created"], written["updated"]) == (1, 2)
    created = by_code(written)["12AB01"]["schoolId"]
    school = api.get(f"/schools/{created}").json()
    assert (school["name"], school["sector"], school["municipalityName"], school["denomination"]) == (
        "OBS De Spil, Locatie Kleverpark",
        "PO",
        "Haarlem",
        "Openbaar",
    )
    spil = api.get(f"/schools/{demo['12AB00']}").json()
    assert (spil["denomination"], spil["phone"], spil["website"]) == (
        "Openbaar",
        "023 555 0101",  # the school's own spelling of the same number stays
        "https://www.obsdespil.example",
    )
    assert school_events(db) == events + 3  # one audit event per school created or changed
    update = db.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.entity_id == demo["12AB00"], AuditEvent.entity_type == "school"
        )
    ).all()[-1]
    assert update.action == "update" and update.after == {
        "website": "https://www.obsdespil.example",
        "denomination": "Openbaar",
    }

    again = post_duo(api, board, CURRENT, dryRun=False).json()
    assert {s["status"] for s in again["schools"]} == {"unchanged"}
    assert (again["created"], again["updated"]) == (0, 0)
    assert school_events(db) == events + 3  # the same file again writes nothing


def test_the_old_layout_in_latin1_with_capitals(login, demo):
    api = login(BOARD_ADMIN)
    body = post_duo(api, demo["41234"], OLD).json()
    assert (body["layout"], body["encoding"], body["separator"]) == ("old", "windows-1252", ",")
    assert (body["otherBoardRows"], body["total"]) == (2, 3)  # board 01234 is not board 41234
    schools = by_code(body)
    assert {c: s["status"] for c, s in schools.items()} == {
        "12AB00": "update",
        "23CD00": "update",
        "12AB02": "create",
    }
    assert {c["field"]: c["new"] for c in schools["12AB00"]["changes"]} == {
        "website": "https://www.obsdespil.example",
        "denomination": "Openbaar",
    }
    assert {c["field"]: c["new"] for c in schools["23CD00"]["changes"]} == {"denomination": "Rooms-Katholiek"}
    assert schools["12AB02"]["name"] == "OBS De Spil, Locatie Het Mozaïek"
    assert [m["locationCode"] for m in body["notInFile"]] == ["45EF00"]  # shown, never deleted


def test_problems_per_row_name_the_row_and_the_column(login, demo, db):
    api = login(BOARD_ADMIN)
    board = demo["41234"]
    content = (
        HEADER
        + ";DENOMINATIE;TELEFOONNUMMER\n"
        + "41234;12AB00;OBS DE SPIL;KLEVERPARKWEG;12;2023 CA;HAARLEM;0392;Openbaar;\n"  # valid: an update
        + "41234;67GH00;CBS HET KOMPAS;AMSTERDAMSESTRAATWEG;101;3513 AB;UTRECHT;0344;;\n"  # board B's school
        + "41234;12AB03;OBS DE SPIL NOORD;ZIJLWEG;2;2013 DA;HAARLEM;9999;;\n"  # no such municipality
        + "41234;12AB04;OBS DE SPIL ZUID;ZIJLWEG;4;ABCD;HAARLEM;0392;;\n"  # not a postal code
        + "41234;12AB05;OBS DE SPIL OOST;ZIJLWEG;6;2013 DA;HAARLEM;0392;;bel ons\n"  # not a phone number
        + "41234;12AB00;OBS DE SPIL;KLEVERPARKWEG;12;2023 CA;HAARLEM;0392;;\n"  # twice in the file
        + "41234;12AB;OBS DE SPIL WEST;ZIJLWEG;8;2013 DA;HAARLEM;0392;;\n"  # no location code
        + "41234;12AB06;;ZIJLWEG;10;2013 DA;HAARLEM;;;\n"  # a new school without name and municipality
    ).encode()
    body = post_duo(api, board, content).json()
    problems = {
        s["row"]: [(p["column"], p["code"]) for p in s["problems"]]
        for s in body["schools"]
        if s["status"] == "error"
    }
    assert problems == {
        3: [("VESTIGINGSCODE", "other-board")],
        4: [("GEMEENTENUMMER", "unknown-municipality")],
        5: [("POSTCODE", "invalid-value")],
        6: [("TELEFOONNUMMER", "invalid-value")],
        7: [("VESTIGINGSCODE", "duplicate-location")],
        8: [("VESTIGINGSCODE", "invalid-location-code")],
        9: [("VESTIGINGSNAAM", "missing-value"), ("GEMEENTENUMMER", "missing-value")],
    }
    other = by_code(body)["67GH00"]
    assert other["schoolId"] is None and other["name"] == "CBS Het Kompas"  # nothing of board B's record
    assert "GM9999" in body["schools"][2]["problems"][0]["reason"]
    # all or nothing by default; the valid rows with validOnly
    assert post_duo(api, board, content, dryRun=False).json()["written"] is False
    assert api.get(f"/schools/{demo['12AB00']}").json()["denomination"] is None
    result = post_duo(api, board, content, dryRun=False, validOnly=True).json()
    assert result["written"] is True and (result["updated"], result["invalid"]) == (1, 7)
    assert api.get(f"/schools/{demo['12AB00']}").json()["denomination"] == "Openbaar"
    assert db.get(School, demo["67GH00"]).board_id == demo["51234"]  # never taken over


def test_the_sector_of_new_schools(login, demo):
    api = login(BOARD_ADMIN)
    board = demo["41234"]
    special = (
        HEADER + ";SOORT PO\n"
        "41234;45EF00;SBO DE WENDING;BINNENWEG;7;2101 JA;HEEMSTEDE;0397;Sbo\n"
        "41234;45EF01;SO DE WENDING;BINNENWEG;9;2101 JA;HEEMSTEDE;0397;(V)SO\n"
        "41234;45EF02;DE WENDING ANDERS;BINNENWEG;11;2101 JA;HEEMSTEDE;0397;Praktijk\n"
    ).encode()
    schools = by_code(post_duo(api, board, special).json())
    assert schools["45EF00"]["status"] == "unchanged"
    assert {c["field"]: c["new"] for c in schools["45EF01"]["changes"]}["sector"] == "SO"
    assert [(p["column"], p["code"]) for p in schools["45EF02"]["problems"]] == [
        ("SOORT PO", "unknown-sector")
    ]
    chosen = by_code(post_duo(api, board, special, sector="SBO").json())
    assert {c["field"]: c["new"] for c in chosen["45EF02"]["changes"]}["sector"] == "SBO"
    # a row that names its kind changes an existing school's sector; the parameter alone does not
    moved = (
        HEADER + ";SOORT PO\n41234;23CD00;BASISSCHOOL DE REGENBOOG;SCHOTERWEG;40;2021 HZ;HAARLEM;0392;Sbo\n"
    ).encode()
    assert by_code(post_duo(api, board, moved).json())["23CD00"]["changes"] == [
        {"field": "sector", "old": "PO", "new": "SBO"}
    ]
    plain = (HEADER + "\n41234;23CD00;BASISSCHOOL DE REGENBOOG;SCHOTERWEG;40;2021 HZ;HAARLEM;0392\n").encode()
    assert by_code(post_duo(api, board, plain, sector="SO").json())["23CD00"]["status"] == "unchanged"


def test_a_board_number_without_its_leading_zeros(login, demo):
    admin = login("admin@demo.spil.nl")
    created = admin.post("/boards", {"number": "04321", "name": "Stichting Nul"})
    assert created.status_code == 201, created.text
    content = (HEADER + "\n4321;98XY00;OBS NUL;DORPSSTRAAT;1;2011 AB;HAARLEM;392\n").encode("cp1252")
    body = post_duo(admin, created.json()["id"], content, dryRun=False).json()
    assert (body["boardNumber"], body["created"], body["written"]) == ("04321", 1, True)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"", "text/csv"),
        (b"naam;categorie\nScouting;sport\n", "text/csv"),
        ("BEVOEGD GEZAG NUMMER;VESTIGINGSCODE;VESTIGINGSNAAM\n".encode("utf-16"), "text/csv"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "application/octet-stream"),
        (b'{"file": "x"}', "application/json"),
    ],
)
def test_bad_files_are_a_400_problem(login, demo, content, content_type):
    api = login(BOARD_ADMIN)
    r = api.post(
        f"/imports/duo-schools?boardId={demo['41234']}",
        content=content,
        headers={"Content-Type": content_type},
    )
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "file"


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(login, demo, monkeypatch):
    monkeypatch.setattr(duo, "MAX_BYTES", 1000)
    r = post_duo(login(BOARD_ADMIN), demo["41234"], CURRENT)
    assert r.status_code == 400 and r.json()["type"].endswith("file-too-large")
    r = post_duo(login(BOARD_ADMIN), demo["41234"], CURRENT, multipart=True)
    assert r.status_code == 400 and r.json()["type"].endswith("file-too-large")


# --- who may import ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("admin@demo.spil.nl", 200),
        (BOARD_ADMIN, 200),
        ("directie@demo.spil.nl", 403),  # a school's administrator
        ("coordinator@demo.spil.nl", 403),
        ("vertrouwenspersoon@demo.spil.nl", 403),
        ("lezer@demo.spil.nl", 403),
        ("regio@demo.spil.nl", 403),  # reads the board in the region, changes nothing
        ("gemeente@demo.spil.nl", 403),
        ("bestuur@tweede.spil.nl", 404),  # another board: as if it did not exist
    ],
)
def test_only_the_boards_administrator_imports(login, demo, email, status):
    r = post_duo(login(email), demo["41234"], CURRENT)
    assert r.status_code == status, r.text
    if status != 200:
        assert r.headers["content-type"] == "application/problem+json"


def test_api_keys_need_organisations_write_and_the_board(login, demo, client):
    def key(email, **body):
        r = login(email).post("/api-clients", body)
        assert r.status_code == 201, r.text
        return r.json()["key"]

    keys = {
        "board A, write": key(BOARD_ADMIN, name="LAS", scopes=["organisations:write"], boardId=demo["41234"]),
        "board A, read": key(BOARD_ADMIN, name="Lezer", scopes=["organisations:read"], boardId=demo["41234"]),
        "board B, write": key(
            "bestuur@tweede.spil.nl", name="LAS", scopes=["organisations:write"], boardId=demo["51234"]
        ),
        "region": key(
            "admin@demo.spil.nl", name="Regio", scopes=["organisations:read"], regionId=demo["AM37"]
        ),
    }
    client.cookies.clear()
    expected = {"board A, write": 200, "board A, read": 403, "board B, write": 404, "region": 403}
    for name, secret in keys.items():
        r = client.post(
            "/api/v1/imports/duo-schools",
            params={"boardId": demo["41234"]},
            content=CURRENT,
            headers={"Authorization": f"Bearer {secret}", "Content-Type": "text/csv"},
        )
        assert r.status_code == expected[name], (name, r.text)
    written = client.post(
        "/api/v1/imports/duo-schools",
        params={"boardId": demo["41234"], "dryRun": "false"},
        files={"file": ("vestigingen.csv", CURRENT, "text/csv")},
        headers={"Authorization": f"Bearer {keys['board A, write']}"},
    )
    assert written.status_code == 200 and written.json()["created"] == 1


# --- multipart forms -----------------------------------------------------------------------------
def test_the_file_as_a_multipart_form_field(login, demo):
    api = login(BOARD_ADMIN)
    raw = post_duo(api, demo["41234"], OLD).json()
    form = post_duo(api, demo["41234"], OLD, multipart=True).json()
    assert form == raw
    r = api.client.post(
        "/api/v1/imports/duo-schools",
        params={"boardId": demo["41234"]},
        files={"bestand": ("vestigingen.csv", OLD, "text/csv")},
        headers={"X-CSRF-Token": api.csrf},
    )
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "file" and "'file'" in r.json()["detail"]
    broken = api.client.post(
        "/api/v1/imports/duo-schools",
        params={"boardId": demo["41234"]},
        content=b'--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        headers={"X-CSRF-Token": api.csrf, "Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert broken.status_code == 400 and broken.json()["invalidParams"][0]["name"] == "file"


def test_the_generic_import_takes_a_multipart_form_too(login, demo):
    api = login("coordinator@demo.spil.nl")
    people = "name;email\nHanna Bakker;h.bakker@example.org\n".encode("cp1252")
    params = {"boardId": demo["41234"]}
    raw = api.client.post(
        "/api/v1/imports/people",
        params=params,
        content=people,
        headers={"Content-Type": "text/csv", "X-CSRF-Token": api.csrf},
    ).json()
    form = api.client.post(
        "/api/v1/imports/people",
        params=params,
        files={"file": ("mensen.csv", people, "text/csv")},
        headers={"X-CSRF-Token": api.csrf},
    )
    assert form.status_code == 200 and form.json() == raw and raw["rows"][0]["status"] == "create"
    written = api.client.post(
        "/api/v1/imports/people",
        params={**params, "dryRun": "false"},
        files={"file": ("mensen.csv", people, "text/csv")},
        headers={"X-CSRF-Token": api.csrf},
    ).json()
    assert written["written"] is True and written["created"] == 1
    missing = api.client.post(
        "/api/v1/imports/people",
        params=params,
        files={"csv": ("mensen.csv", people)},
        headers={"X-CSRF-Token": api.csrf},
    )
    assert missing.status_code == 400 and missing.json()["invalidParams"][0]["name"] == "file"


def test_the_openapi_document_offers_both_ways_of_sending_the_file():
    from spil.api import create_api

    doc = create_api().openapi()
    paths = list(doc["paths"])
    assert paths.index("/imports/duo-schools") < paths.index("/imports/{kind}")
    for path in ("/imports/duo-schools", "/imports/{kind}"):
        content = doc["paths"][path]["post"]["requestBody"]["content"]
        assert set(content) == {"text/csv", "multipart/form-data"}, path
        form = content["multipart/form-data"]["schema"]
        assert form["required"] == ["file"] and form["properties"]["file"]["format"] == "binary"
    operation = doc["paths"]["/imports/duo-schools"]["post"]
    assert {"400", "403", "404"} <= set(operation["responses"])
    assert {"oauth2": ["organisations:write"]} in operation["security"]


def test_the_documented_examples_of_the_upload_bodies_are_accepted(login, demo):
    """The examples in the OpenAPI document are files the API takes as they stand."""
    from spil.api import create_api

    paths = create_api().openapi()["paths"]
    api = login(BOARD_ADMIN)

    def example(path: str) -> bytes:
        description = paths[path]["post"]["requestBody"]["description"]
        return description.split("```csv\n", 1)[1].split("```", 1)[0].encode()

    r = post_duo(api, demo["41234"], example("/imports/duo-schools"), dryRun=True)
    assert r.status_code == 200, r.text
    assert by_code(r.json())["12AB00"]["problems"] == []
    partners = api.client.post(
        "/api/v1/imports/partners",
        params={"boardId": demo["41234"]},
        content=example("/imports/{kind}"),
        headers={"Content-Type": "text/csv", "X-CSRF-Token": api.csrf},
    )
    assert partners.status_code == 200, partners.text
    assert partners.json()["valid"] == 1 and partners.json()["invalid"] == 0, partners.json()
