"""Dutch all the way (issue 16): every English problem text that the code writes has its Dutch in
``spil.kit.problem_texts``, and the answers use it."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from spil.kit import problem_texts
from tests.problem_text_scan import ROOT, Scanner, scan

HOW = (
    "add the English sentence as a template with its Dutch to CATALOGUE in "
    "backend/spil/kit/problem_texts.py ({name} for a value; Dutch for people, addressing the reader "
    "as 'u'; keep codes, ids and field names)"
)
SAMPLE = re.compile(r"X\d+Y")

# Expressions that the scan cannot follow to their text, and where their texts are checked instead.
# Keyed by file and expression, not line, so that an edit elsewhere in the file does not break it.
FOLLOWED_ELSEWHERE = {
    # a KvK number, a value inside duplicate_kvk_error's sentence (scanned there), not a text
    ("spil/partners/service.py", "data.kvk_number"): "the KvK number in duplicate_kvk_error's sentence",
    ("spil/partners/service.py", "changes['kvk_number']"): "the KvK number in duplicate_kvk_error's sentence",
    ("spil/transfer/rows.py", "data.kvk_number"): "the KvK number in duplicate_kvk_error's sentence",
    ("spil/transfer/rows.py", "changes['kvk_number']"): "the KvK number in duplicate_kvk_error's sentence",
    ("spil/access/service.py", "str(exc)"): "InvalidAccessToken: its messages are scanned where raised",
    ("spil/indicators/series.py", "problems[0][2]"): "the first reason, scanned with the others",
    ("spil/kit/deletion.py", "ref.advice"): "scanned where restricted_by(...) is called",
    ("spil/kit/errors.py", "exc.detail"): "the kit passes on what the services wrote",
    ("spil/kit/errors.py", "messages.validation_detail(names, language)"): "in the caller's language already",
    ("spil/kit/errors.py", "detail"): "the kit passes on what the services wrote",
    ("spil/kit/errors.py", "reason"): "the kit passes on what the services wrote",
    ("spil/kit/errors.py", "r"): "the kit passes on what the services wrote",
    ("spil/kit/errors.py", "reason or detail"): "the kit passes on what the services wrote",
    ("spil/programmes/service.py", "str(exc)"): "PeriodError: its messages are scanned where raised",
    (
        "spil/sync/engine.py",
        "messages.validation_reason(error, 'en')",
    ): "the validator's sentences (VALIDATION)",
    (
        "spil/sync/service.py",
        "messages.validation_reason(error, 'en')",
    ): "the validator's sentences (VALIDATION)",
    ("spil/sync/router.py", "p['detail']"): "a sync run's problems, scanned where problem(...) is called",
    ("spil/transfer/duo.py", "str(exc)"): "UnreadableFile: its messages are scanned where raised",
    ("spil/transfer/service.py", "str(exc)"): "UnreadableFile: its messages are scanned where raised",
}
# Values that the Dutch leaves out on purpose.
DROPPED = {
    # the e-mail validator's own English reason; the Dutch gives an example instead
    "not a valid e-mail address (X1Y)",
}


def _lacking(result) -> list[str]:
    lacking = []
    for text in result.texts:
        for variant in text.variants:
            if not re.search(r"[A-Za-z]{2}", SAMPLE.sub("", variant)):
                continue  # no words of its own: a list of texts checked where they are written
            dutch = problem_texts.dutch(variant)
            if dutch is None or dutch == variant or problem_texts.dutch(dutch) is not None:
                lacking.append(f"{text.where}: no Dutch for {variant!r}")
            elif variant not in DROPPED:
                lost = [s for s in SAMPLE.findall(variant) if s not in dutch]
                if lost:
                    lacking.append(f"{text.where}: the Dutch of {variant!r} loses {lost}: {dutch!r}")
    return sorted(set(lacking), key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_every_problem_text_in_the_code_has_its_dutch():
    result = scan()
    assert len(result.texts) > 300, "the scan finds the services' texts"
    lacking = _lacking(result)
    assert not lacking, f"{len(lacking)} problem text(s) without Dutch; {HOW}:\n" + "\n".join(lacking)


def test_every_text_the_scan_cannot_follow_is_checked_elsewhere():
    result = scan()
    unknown = sorted(
        {
            f"{d.where}: {d.source}"
            for d in result.dynamic
            if (d.where.split(":")[0], d.source) not in FOLLOWED_ELSEWHERE
        }
    )
    assert not unknown, (
        "problem texts the scan cannot read (write the English as a literal or f-string where the "
        "problem is raised, or say in FOLLOWED_ELSEWHERE where its texts are checked):\n" + "\n".join(unknown)
    )
    seen = {(d.where.split(":")[0], d.source) for d in result.dynamic}
    assert not set(FOLLOWED_ELSEWHERE) - seen, "stale entries in FOLLOWED_ELSEWHERE"


def test_a_new_english_text_without_dutch_fails_naming_its_line(tmp_path: Path):
    package = tmp_path / "spil"
    (package / "accounts").mkdir(parents=True)
    (package / "kit").mkdir()
    shutil.copy(ROOT / "kit" / "errors.py", package / "kit" / "errors.py")
    (package / "accounts" / "service.py").write_text(
        textwrap.dedent(
            """
            from spil.kit.errors import conflict, invalid, not_found

            def reset(token, user):
                if token is None:
                    raise invalid([("token", "expired", f"The reset link of {user} has expired.")])
                if user is None:
                    raise not_found("user")
                raise conflict("A brand new sentence nobody translated.", "new")
            """
        )
    )
    lacking = _lacking(Scanner(package).scan())
    assert lacking == [
        "spil/accounts/service.py:6: no Dutch for 'The reset link of X1Y has expired.'",
        "spil/accounts/service.py:9: no Dutch for 'A brand new sentence nobody translated.'",
    ], lacking


# --- the catalogue ----------------------------------------------------------------------------------
def test_values_are_carried_over_and_nouns_take_their_dutch_article():
    assert problem_texts.dutch("The confidential case does not exist or is outside your scope.") == (
        "Dit vertrouwensdossier bestaat niet of valt buiten wat u mag zien."
    )
    assert problem_texts.dutch("The school does not exist or is outside your scope.") == (
        "Deze school bestaat niet of valt buiten wat u mag zien."
    )
    assert problem_texts.dutch("There already is a school with locationCode '06XY00'.") == (
        "Er is al een school met locationCode '06XY00'."
    )
    assert problem_texts.dutch("The board has a partner with KvK number 12345678 already: Bibliotheek.") == (
        "Het bestuur heeft al een partner met KvK-nummer 12345678: Bibliotheek."
    )
    assert problem_texts.dutch("The role 'ib' is given at board or region level, not at school level.") == (
        "De rol 'ib' hoort bij een bestuur of een regio, niet bij een school."
    )
    # a noun the table does not know is not guessed
    assert problem_texts.dutch("The spaceship does not exist or is outside your scope.") is None


def test_several_sentences_are_translated_one_by_one():
    # invalid(...) without a detail joins the reasons
    assert (
        problem_texts.dutch("Unknown id. Cannot be emptied.")
        == "Dit id kent Spil niet. Dit mag niet leeg worden."
    )
    assert problem_texts.dutch(
        "There are no allowance rules for 2031. The latest year available is 2027; send "
        "fallbackToLatest: true to use it as an assumption."
    ) == (
        "Er zijn geen vergoedingsregels voor 2031. Het laatste jaar dat er is, is 2027; stuur "
        "fallbackToLatest: true om dat als aanname te gebruiken."
    )
    assert problem_texts.dutch("Unknown id. Something nobody wrote down.") is None


def test_the_limits_a_payment_would_cross_are_translated_each():
    english = (
        "This payment would cross the monthly maximum of €210.00 (€250.00 in March 2026) and the yearly "
        "maximum of €2,100.00 (€2,300.00 over 2026). The whole allowance of that year would then be "
        "taxable for the volunteer. Record it with acknowledgeLimitExceeded: true only if this is "
        "deliberate."
    )
    dutch = problem_texts.dutch(english)
    assert dutch is not None
    assert dutch.startswith(
        "Deze betaling gaat over het maximum per maand van € 210,00 (€ 250,00 in maart 2026) en het "
        "maximum per jaar van € 2.100,00 (€ 2.300,00 over 2026)."
    )


@pytest.mark.parametrize(("english", "dutch"), list(problem_texts.CATALOGUE.items()))
def test_each_entry_keeps_its_placeholders(english, dutch):
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    assert names(english) >= names(dutch), english
    assert dutch != english


def test_a_problem_in_english_stays_as_it_is():
    params = [{"name": "x", "in": "body", "code": "c", "reason": "Unknown id."}]
    assert problem_texts.localize("en", "Unknown id.", params) == ("en", "Unknown id.", params)
    assert problem_texts.localize("nl", "Unknown id.", params) == (
        "nl",
        "Dit id kent Spil niet.",
        [{"name": "x", "in": "body", "code": "c", "reason": "Dit id kent Spil niet."}],
    )
    assert problem_texts.localize("nl", "Nobody translated this.", None) is None


def _request(accept_language: str | None = None):
    from starlette.requests import Request

    headers = [(b"accept-language", accept_language.encode())] if accept_language else []
    return Request(
        {"type": "http", "method": "GET", "path": "/api/v1/x", "headers": headers, "query_string": b""}
    )


def test_the_answer_says_the_language_its_texts_are_in():
    import json

    from spil.kit.errors import problem_response

    r = problem_response(_request(), 404, "The school does not exist or is outside your scope.")
    assert r.headers["Content-Language"] == "nl" and r.headers["Vary"] == "Accept-Language"
    assert json.loads(r.body)["detail"] == "Deze school bestaat niet of valt buiten wat u mag zien."
    r = problem_response(_request("en"), 404, "The school does not exist or is outside your scope.")
    assert r.headers["Content-Language"] == "en"
    assert json.loads(r.body)["detail"] == "The school does not exist or is outside your scope."
    # a text without Dutch: the whole answer in English, and the header says so
    params = [{"name": "x", "in": "body", "code": "c", "reason": "Unknown id."}]
    r = problem_response(_request(), 400, "A sentence nobody translated.", invalid_params=params)
    assert r.headers["Content-Language"] == "en"
    assert json.loads(r.body)["invalidParams"][0]["reason"] == "Unknown id."
    # texts written in the caller's language already pass unchanged
    r = problem_response(_request(), 400, "Het bestand is leeg.", language="nl")
    assert r.headers["Content-Language"] == "nl" and json.loads(r.body)["detail"] == "Het bestand is leeg."
    # a Vary of its own keeps its value
    r = problem_response(_request(), 401, "Your session has ended. Log in again.", headers={"Vary": "Cookie"})
    assert r.headers["Vary"] == "Cookie, Accept-Language"
