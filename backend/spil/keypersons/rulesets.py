"""The tax authority's volunteer-allowance maxima per year (rule sets), their corrections with
a reason and the revisions that keep the earlier figures."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session

from spil.keypersons import allowance as rules
from spil.keypersons.models import (
    AllowanceRuleRevision,
    AllowanceRuleSet,
)
from spil.keypersons.schemas import (
    RuleRevisionOut,
    RuleSetCreate,
    RuleSetOut,
    RuleSetUpdate,
)
from spil.kit import audit
from spil.kit.crud import audited_create, audited_update
from spil.kit.errors import ProblemError, conflict_on, not_found
from spil.kit.policy import Principal


# --- rule sets ---------------------------------------------------------------------------------
def rule_set_out(rule_set: AllowanceRuleSet) -> RuleSetOut:
    return RuleSetOut.model_validate(rule_set)


def limits_of(rule_set: AllowanceRuleSet) -> rules.Limits:
    return rules.Limits(
        year=rule_set.year,
        max_per_hour_adult=rule_set.max_per_hour_adult,
        max_per_hour_young=rule_set.max_per_hour_young,
        max_per_month=rule_set.max_per_month,
        max_per_year=rule_set.max_per_year,
        age_cutoff=rule_set.age_cutoff,
    )


def limits_for_year(rule_set: AllowanceRuleSet, year: int) -> rules.Limits:
    """The rule set's limits applied to ``year`` (another year's only as a marked assumption)."""
    return dataclasses.replace(limits_of(rule_set), year=year)


def list_rule_sets(session: Session) -> list[RuleSetOut]:
    rows = session.execute(sa.select(AllowanceRuleSet).order_by(AllowanceRuleSet.year.desc())).scalars()
    return [rule_set_out(r) for r in rows]


def rule_set_of(session: Session, year: int) -> AllowanceRuleSet | None:
    return session.execute(sa.select(AllowanceRuleSet).where(AllowanceRuleSet.year == year)).scalars().first()


def latest_year(session: Session) -> int | None:
    return session.scalar(sa.select(sa.func.max(AllowanceRuleSet.year)))


def rule_set_for(session: Session, year: int, *, fallback: bool) -> tuple[AllowanceRuleSet, bool]:
    """The year's rule set, or with ``fallback`` the latest known one marked as assumed; a 404
    that names the latest available year otherwise (FACTS.md: never silently another year)."""
    found = rule_set_of(session, year)
    if found is not None:
        return found, False
    latest = latest_year(session)
    if fallback and latest is not None:
        latest_set = rule_set_of(session, latest)
        assert latest_set is not None
        return latest_set, True
    detail = f"There are no allowance rules for {year}." + (
        f" The latest year available is {latest}; send fallbackToLatest: true to use it as an assumption."
        if latest is not None
        else ""
    )
    raise ProblemError(404, detail, code="no-rule-set", extra={"latestYear": latest})


def get_rule_set(session: Session, year: int) -> tuple[RuleSetOut, int]:
    found = rule_set_of(session, year)
    if found is None:
        raise not_found("allowance rule set")
    return rule_set_out(found), found.version


def create_rule_set(session: Session, principal: Principal, data: RuleSetCreate) -> tuple[RuleSetOut, int]:
    principal.require_platform_admin()
    if rule_set_of(session, data.year) is not None:
        raise conflict_on(
            "year", f"There already are rules for {data.year}; correct them instead.", "duplicate"
        )
    fields = data.model_dump(exclude_none=True)
    fields["sources"] = [s.model_dump(mode="json") for s in data.sources]
    rule_set = AllowanceRuleSet(**fields)
    audited_create(session, principal, rule_set, "allowance-rule-set")
    return rule_set_out(rule_set), rule_set.version


def update_rule_set(
    session: Session,
    principal: Principal,
    year: int,
    data: RuleSetUpdate,
    check_version: Callable[[int], None],
) -> tuple[RuleSetOut, int]:
    principal.require_platform_admin()
    rule_set = rule_set_of(session, year)
    if rule_set is None:
        raise not_found("allowance rule set")
    check_version(rule_set.version)
    before = audit.snapshot(rule_set)
    changes = data.model_dump(exclude_unset=True, exclude={"reason"})
    if "sources" in changes and data.sources is not None:
        changes["sources"] = [s.model_dump(mode="json") for s in data.sources]
    required = [
        "max_per_hour_adult",
        "max_per_hour_young",
        "max_per_month",
        "max_per_year",
        "age_cutoff",
        "sources",
    ]
    if audited_update(session, principal, rule_set, changes, "allowance-rule-set", required=required):
        assert rule_set.id is not None
        session.add(
            AllowanceRuleRevision(
                rule_set_id=rule_set.id,
                year=year,
                before=before,
                reason=data.reason,
                changed_by=principal.label,
            )
        )
    return rule_set_out(rule_set), rule_set.version


def list_revisions(session: Session, year: int) -> list[RuleRevisionOut]:
    if rule_set_of(session, year) is None:
        raise not_found("allowance rule set")
    rows = session.execute(
        sa.select(AllowanceRuleRevision)
        .where(AllowanceRuleRevision.year == year)
        .order_by(AllowanceRuleRevision.changed_at.desc(), AllowanceRuleRevision.id.desc())
    ).scalars()
    return [RuleRevisionOut.model_validate(r) for r in rows]
