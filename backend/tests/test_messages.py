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
