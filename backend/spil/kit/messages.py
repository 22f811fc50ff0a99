"""Texts of the API's problems for people, in the caller's language (``Accept-Language``: Dutch
first, English complete).

The request validator (pydantic) names what is wrong in a developer's English ("String should
match pattern '^[0-9]{8}$'"); a school leader reads those texts on a screen. Here each kind of
validation error gets a sentence written for people, in Dutch and in English, with the numbers
the rule carries (``Gebruik hoogstens 200 tekens.``). The machine-readable ``code`` stays the
validator's error type, so a client can still choose its own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from starlette.requests import HTTPConnection

Language = Literal["nl", "en"]
DEFAULT: Language = "nl"
SUPPORTED: tuple[Language, ...] = ("nl", "en")

_RANGE = re.compile(r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def negotiate(header: str | None) -> Language:
    """The best of Dutch and English for an ``Accept-Language`` header (RFC 9110 §12.5.4): the
    highest ``q`` wins, the earlier range on a tie, Dutch when neither is asked for."""
    best_q, best = 0.0, None
    for part in (header or "").split(",")[:20]:
        match = _RANGE.match(part)
        if not match or match.group(1).lower() not in SUPPORTED:
            continue
        try:
            q = float(match.group(2)) if match.group(2) is not None else 1.0
        except ValueError:
            continue
        if q > best_q:
            best_q, best = q, match.group(1).lower()
    return "en" if best == "en" else DEFAULT


def language_of(connection: HTTPConnection) -> Language:
    return negotiate(connection.headers.get("accept-language"))


# --- request validation ---------------------------------------------------------------------------
# error type -> (Dutch, English); ``{name}`` placeholders come from the error's context.
VALIDATION: dict[str, tuple[str, str]] = {
    "missing": ("Vul dit in.", "Fill this in."),
    "string_too_short": ("Gebruik minstens {min_length} tekens.", "Use at least {min_length} characters."),
    "string_too_long": ("Gebruik hoogstens {max_length} tekens.", "Use at most {max_length} characters."),
    "too_short": ("Geef er minstens {min_length}.", "Give at least {min_length}."),
    "too_long": ("Geef er hoogstens {max_length}.", "Give at most {max_length}."),
    "string_pattern_mismatch": (
        "Dit heeft niet de vorm die hier hoort.",
        "This does not have the form it needs here.",
    ),
    "string_type": ("Vul hier tekst in.", "Enter text here."),
    "int_parsing": ("Vul een heel getal in.", "Enter a whole number."),
    "int_type": ("Vul een heel getal in.", "Enter a whole number."),
    "int_from_float": ("Vul een heel getal in, zonder decimalen.", "Enter a whole number, without decimals."),
    "float_parsing": ("Vul een getal in.", "Enter a number."),
    "float_type": ("Vul een getal in.", "Enter a number."),
    "decimal_parsing": ("Vul een getal in, zoals 12,50 of 12.50.", "Enter a number, such as 12.50."),
    "decimal_type": ("Vul een getal in.", "Enter a number."),
    "decimal_max_digits": ("Gebruik hoogstens {max_digits} cijfers.", "Use at most {max_digits} digits."),
    "decimal_max_places": (
        "Gebruik hoogstens {decimal_places} cijfers achter de komma.",
        "Use at most {decimal_places} decimal places.",
    ),
    "decimal_whole_digits": (
        "Gebruik hoogstens {whole_digits} cijfers voor de komma.",
        "Use at most {whole_digits} digits before the decimal point.",
    ),
    "greater_than": ("Vul meer in dan {gt}.", "Enter more than {gt}."),
    "greater_than_equal": ("Vul {ge} of meer in.", "Enter {ge} or more."),
    "less_than": ("Vul minder in dan {lt}.", "Enter less than {lt}."),
    "less_than_equal": ("Vul {le} of minder in.", "Enter {le} or less."),
    "multiple_of": ("Vul een veelvoud van {multiple_of} in.", "Enter a multiple of {multiple_of}."),
    "finite_number": ("Vul een gewoon getal in.", "Enter an ordinary number."),
    "bool_parsing": ("Kies ja of nee (true of false).", "Choose yes or no (true or false)."),
    "bool_type": ("Kies ja of nee (true of false).", "Choose yes or no (true or false)."),
    "literal_error": ("Kies een van deze: {expected}.", "Choose one of: {expected}."),
    "enum": ("Kies een van deze: {expected}.", "Choose one of: {expected}."),
    "date_parsing": ("Vul een datum in, zoals 2026-12-31.", "Enter a date, such as 2026-12-31."),
    "date_from_datetime_parsing": (
        "Vul een datum in, zoals 2026-12-31.",
        "Enter a date, such as 2026-12-31.",
    ),
    "date_from_datetime_inexact": (
        "Vul alleen een datum in, zonder tijd.",
        "Enter a date only, without a time.",
    ),
    "date_type": ("Vul een datum in, zoals 2026-12-31.", "Enter a date, such as 2026-12-31."),
    "datetime_parsing": (
        "Vul een datum met tijd en tijdzone in, zoals 2026-12-31T09:00:00+01:00.",
        "Enter a date and time with a time zone, such as 2026-12-31T09:00:00+01:00.",
    ),
    "datetime_from_date_parsing": (
        "Vul een datum met tijd en tijdzone in, zoals 2026-12-31T09:00:00+01:00.",
        "Enter a date and time with a time zone, such as 2026-12-31T09:00:00+01:00.",
    ),
    "datetime_type": (
        "Vul een datum met tijd en tijdzone in, zoals 2026-12-31T09:00:00+01:00.",
        "Enter a date and time with a time zone, such as 2026-12-31T09:00:00+01:00.",
    ),
    "timezone_aware": ("Geef ook de tijdzone, zoals +01:00.", "Give the time zone too, such as +01:00."),
    "url_parsing": (
        "Vul een webadres in, zoals https://school.nl.",
        "Enter a web address, such as https://school.nl.",
    ),
    "url_scheme": ("Begin het webadres met https://.", "Start the web address with https://."),
    "url_type": (
        "Vul een webadres in, zoals https://school.nl.",
        "Enter a web address, such as https://school.nl.",
    ),
    "list_type": ("Geef hier een lijst.", "Give a list here."),
    "dict_type": ("Geef hier een object met velden.", "Give an object with fields here."),
    "model_type": ("Geef hier een object met velden.", "Give an object with fields here."),
    "model_attributes_type": ("Geef hier een object met velden.", "Give an object with fields here."),
    "extra_forbidden": ("Dit veld kent Spil niet.", "Spil does not know this field."),
    "json_invalid": ("De inhoud is geen geldige JSON.", "The body is not valid JSON."),
    "json_type": ("De inhoud is geen geldige JSON.", "The body is not valid JSON."),
    "uuid_parsing": ("Vul een geldige UUID in.", "Enter a valid UUID."),
    "string_unicode": ("Gebruik geldige tekens.", "Use valid characters."),
    "none_required": ("Laat dit leeg.", "Leave this empty."),
    "frozen_field": ("Dit veld kan niet veranderen.", "This field cannot change."),
    "union_tag_invalid": ("Kies een van deze: {expected_tags}.", "Choose one of: {expected_tags}."),
}
# The validators of Spil's own types (``value_error``): their English sentence, in Dutch.
VALUE_ERRORS: dict[str, str] = {
    "value is not a valid email address": "Vul een geldig e-mailadres in, zoals naam@school.nl.",
    "not a valid phone number": "Vul een geldig telefoonnummer in, zoals 023 555 0101.",
    "this password is one of the most used ones": "Dit wachtwoord wordt veel gebruikt; kies een ander.",
}
# what a length refers to when it counts items, not characters
COLLECTIONS = ("List", "Set", "Tuple", "Dict", "Frozenset", "Sequence")
DETAIL = (
    "De aanvraag heeft velden die niet kloppen: {names}.",
    "The request has invalid fields: {names}.",
)


def _context(ctx: Mapping[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (ctx or {}).items():
        text = str(value)
        if key in ("expected", "expected_tags"):
            text = text.replace("' or '", "', '")
        out[key] = text
    return out


def validation_reason(error: Mapping[str, Any], language: Language) -> str:
    """A sentence for people for one pydantic error, in ``language``."""
    kind = str(error.get("type", ""))
    index = 0 if language == "nl" else 1
    ctx = error.get("ctx") or {}
    if kind in ("too_short", "too_long") and str(ctx.get("field_type", "")) not in COLLECTIONS:
        kind = "string_" + kind  # a length of text (Spil's own string types report it this way)
    if kind == "string_too_short" and str(ctx.get("min_length")) == "1":
        kind = "missing"  # "at least 1 character": it is empty
    texts = VALIDATION.get(kind)
    if texts is not None:
        try:
            return texts[index].format(**_context(error.get("ctx")))
        except (KeyError, IndexError, ValueError):
            pass
    message = str(error.get("msg", "")).removeprefix("Value error, ").strip()
    if kind == "value_error" and language == "nl":
        from spil.kit.problem_texts import dutch as dutch_of

        translated = dutch_of(message)
        if translated is not None:  # a validator of Spil's own (``spil.kit.problem_texts``)
            return translated
        for english, dutch in VALUE_ERRORS.items():
            if english in message.lower():
                return dutch
    return message or ("Deze waarde klopt niet." if language == "nl" else "This value is not valid.")


def validation_detail(names: str, language: Language) -> str:
    return DETAIL[0 if language == "nl" else 1].format(names=names)
