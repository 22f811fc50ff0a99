"""Problem texts for people, in the caller's language (issue 16): no validator English on a Dutch
screen."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from spil.kit import messages


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "nl"),
        ("", "nl"),
        ("nl-NL,nl;q=0.9,en;q=0.8", "nl"),
        ("en-US,en;q=0.9,nl;q=0.8", "en"),
        ("en;q=0.5,nl;q=0.6", "nl"),
        ("de-DE,de;q=0.9", "nl"),
        ("de,en;q=0.7", "en"),
        ("en;q=0", "nl"),
        ("*", "nl"),
        ("en;q=abc", "nl"),
        ("fr, en-GB", "en"),
    ],
)
def test_negotiate(header, expected):
    assert messages.negotiate(header) == expected


def _errors(**values):
    class Form(BaseModel):
        name: str = Field(min_length=1, max_length=200)
        code: str = Field(pattern=r"^[0-9]{8}$")
        items: list[int] = Field(max_length=200)
        hours: int = Field(ge=0, le=40)
        kind: str = Field(pattern=r"^(a|b)$")

    try:
        Form(**values)
    except ValidationError as exc:
        return {str(e["loc"][0]): e for e in exc.errors()}
    raise AssertionError("no errors")


def test_the_validators_texts_become_sentences_for_people():
    errors = _errors(name="x" * 201, code="12", items=list(range(11199)), hours=41)
    nl = {k: messages.validation_reason(e, "nl") for k, e in errors.items()}
    en = {k: messages.validation_reason(e, "en") for k, e in errors.items()}
    assert nl["name"] == "Gebruik hoogstens 200 tekens." and en["name"] == "Use at most 200 characters."
    assert nl["items"] == "Geef er hoogstens 200." and en["items"] == "Give at most 200."
    assert nl["hours"] == "Vul 40 of minder in." and en["hours"] == "Enter 40 or less."
    assert nl["code"] == "Dit heeft niet de vorm die hier hoort."
    assert nl["kind"] == "Vul dit in." and en["kind"] == "Fill this in."
    for text in [*nl.values(), *en.values()]:
        assert "should" not in text and "pattern" not in text and "validation" not in text, text


def test_every_kind_has_both_languages_and_fills_its_placeholders():
    for kind, (dutch, english) in messages.VALIDATION.items():
        assert dutch and english, kind
        assert set(_placeholders(dutch)) == set(_placeholders(english)), kind


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_a_bad_request_answers_in_dutch_or_english(login):
    api = login("admin@demo.spil.nl")
    r = api.get("/schools", params={"pageSize": 1000})
    assert r.status_code == 400 and r.headers["Content-Language"] == "nl"
    assert r.json()["invalidParams"][0]["reason"] == "Vul 100 of minder in."
    r = api.get("/schools", params={"pageSize": 1000}, headers={"Accept-Language": "en"})
    assert r.json()["invalidParams"][0]["reason"] == "Enter 100 or less."
    r = api.post("/boards", json={"name": ""})
    reasons = {p["name"]: p["reason"] for p in r.json()["invalidParams"]}
    assert reasons == {"number": "Vul dit in.", "name": "Vul dit in."}, reasons
    r = api.post("/boards", json={"number": "12345", "name": "x" * 201})
    assert r.json()["invalidParams"][0]["reason"] == "Gebruik hoogstens 200 tekens.", r.json()


# --- the services' own texts (spil.kit.problem_texts) -----------------------------------------------
EN = {"Accept-Language": "en"}


def _said(r, status: int, language: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["Content-Language"] == language
    assert "accept-language" in r.headers["Vary"].lower()
    return r.json()


def test_a_conflict_answers_in_dutch_or_english(login, demo):
    api = login("admin@demo.spil.nl")
    partner = {
        "boardId": demo["41234"],
        "name": "Sportclub HFC",
        "category": "sport",
        "kvkNumber": "87654321",
    }
    assert api.post("/partners", json=partner).status_code == 201
    twin = {**partner, "name": "HFC Haarlem"}
    nl = _said(api.post("/partners", json=twin), 409, "nl")
    assert nl["detail"] == "Het bestuur heeft al een partner met KvK-nummer 87654321: Sportclub HFC."
    assert nl["type"] == "urn:spil:problem:duplicate-kvk"  # codes and names stay as they are
    assert nl["invalidParams"][0]["name"] == "kvkNumber" and nl["invalidParams"][0]["code"] == "duplicate-kvk"
    en = _said(api.post("/partners", json=twin, headers=EN), 409, "en")
    assert en["detail"] == "The board has a partner with KvK number 87654321 already: Sportclub HFC."
    assert en["type"] == nl["type"] and en["invalidParams"][0]["code"] == "duplicate-kvk"


def test_not_found_answers_in_dutch_or_english(login):
    api = login("admin@demo.spil.nl")
    nl = _said(api.get("/partners/999999"), 404, "nl")
    assert nl["detail"] == "Deze partner bestaat niet of valt buiten wat u mag zien."
    en = _said(api.get("/partners/999999", headers=EN), 404, "en")
    assert en["detail"] == "The partner does not exist or is outside your scope."
    # a path that is not there at all
    assert _said(api.get("/no-such-thing"), 404, "nl")["detail"] == "Op dit adres is niets te vinden."


def test_a_stale_if_match_answers_in_dutch_or_english(login):
    api = login("admin@demo.spil.nl")
    path = f"/partners/{api.get('/partners').json()['items'][0]['id']}"
    etag = api.get(path).headers["ETag"]
    assert api.patch(path, json={"notes": "Eerste wijziging."}, headers={"If-Match": etag}).status_code == 200
    nl = _said(api.patch(path, json={"notes": "Tweede."}, headers={"If-Match": etag}), 412, "nl")
    assert nl["detail"].startswith("Iemand anders heeft dit gegeven gewijzigd"), nl
    en = _said(api.patch(path, json={"notes": "Tweede."}, headers={"If-Match": etag, **EN}), 412, "en")
    assert en["detail"].startswith("The record was changed by someone else"), en


def test_a_refusal_of_a_service_answers_in_dutch_or_english(login, demo):
    api = login("admin@demo.spil.nl")
    partner = {"boardId": demo["41234"], "name": "Atelier", "category": "no-such-category"}
    nl = _said(api.post("/partners", json=partner), 400, "nl")
    assert nl["detail"] == "Onbekende partnercategorie 'no-such-category'."
    assert nl["invalidParams"] == [
        {
            "name": "category",
            "in": "body",
            "code": "unknown-category",
            "reason": "Onbekende partnercategorie 'no-such-category'.",
        }
    ]
    en = _said(api.post("/partners", json=partner, headers=EN), 400, "en")
    assert en["invalidParams"][0]["reason"] == "Unknown partner category 'no-such-category'."
    # a validator of Spil's own (model_validator), in invalidParams
    dates = {"endDate": "2020-01-01", "startDate": "2021-01-01"}
    schools = api.get("/schools").json()["items"]
    body = {"partnerId": 1, "schoolId": schools[0]["id"], **dates}
    reasons = [p["reason"] for p in _said(api.post("/partnerships", json=body), 400, "nl")["invalidParams"]]
    assert "endDate ligt vóór startDate." in reasons, reasons
