"""The programmes' checks: impossible vote tallies, the special fund's cap and total, a fund
project's steps, and the service that applies them (both databases)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import SiteRole
from desktop.domain.errors import DraftInvalid, ServiceError
from desktop.domain.programme_checks import check_values
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import (
    MSG_ISSUED,
    MSG_NO_UNSATISFIED,
    MSG_OVER_CAP,
    MSG_OVER_TOTAL,
    MSG_PRESENT,
    MSG_VALID,
    FundLimits,
    Tally,
    VoteKind,
    check_fund,
    check_tally,
    yuan,
)
from desktop.domain.records import SiteDraft
from desktop.services import open_services

TODAY = dt.date(2026, 6, 15)
VOTE = {"project_id": None, "kind": "selection", "year": 2026, "day": dt.date(2026, 1, 8),
        "present": 180, "issued": 178, "valid": 177, "invalid": 1, "first": 170, "second": 4,
        "third": 0, "abstain": 3}  # fmt: skip


def messages(exc: DraftInvalid) -> dict[str, str]:
    return {k: v.message for k, v in exc.errors.items()}


# --- tallies ------------------------------------------------------------------------------


def test_a_tally_that_reconciles_passes() -> None:
    assert check_tally(Tally(VoteKind.SELECTION, 180, 178, 177, 1, 170, 4, 0, 3)) == {}
    assert check_tally(Tally(VoteKind.SATISFACTION, 180, 175, 175, 0, 150, 20, 3, 2)) == {}


@pytest.mark.parametrize(
    ("tally", "field", "message"),
    [
        # issued != valid + invalid
        (Tally(VoteKind.SELECTION, 180, 178, 176, 1, 170, 4, 0, 2), "issued", MSG_ISSUED),
        # for + against + abstain != valid
        (Tally(VoteKind.SELECTION, 180, 178, 177, 1, 170, 4, 0, 2), "valid", MSG_VALID),
        # more ballots than deputies present
        (Tally(VoteKind.SELECTION, 150, 178, 177, 1, 170, 4, 0, 3), "issued", MSG_PRESENT),
        # a satisfaction vote's four answers must add up too
        (Tally(VoteKind.SATISFACTION, 180, 175, 175, 0, 150, 20, 3, 1), "valid", MSG_VALID),
        # a selection vote has no "not satisfied"
        (Tally(VoteKind.SELECTION, 180, 178, 177, 1, 170, 4, 3, 0), "third", MSG_NO_UNSATISFIED),
    ],
)
def test_impossible_tallies_are_refused_with_a_message(tally: Tally, field: str, message: str):
    errors = check_tally(tally)
    assert errors[field].message == message


@given(
    st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500),
    st.integers(0, 500), st.integers(0, 50),
)  # fmt: skip
def test_a_tally_passes_exactly_when_it_adds_up(present, first, second, abstain, invalid, extra):
    valid = first + second + abstain
    issued = valid + invalid
    ok = Tally(VoteKind.SELECTION, present, issued, valid, invalid, first, second, 0, abstain)
    assert (check_tally(ok) == {}) == (issued <= present)
    off = Tally(VoteKind.SELECTION, present + issued, issued + extra + 1, valid, invalid,
                first, second, 0, abstain)  # fmt: skip
    assert "issued" in check_tally(off)


def test_the_vote_form_refuses_an_impossible_tally_beside_its_field() -> None:
    bad = {**VOTE, "project_id": uuid.uuid4(), "valid": 176}
    with pytest.raises(DraftInvalid) as caught:
        check_values(SPECS["project-votes"], bad, TODAY)
    assert messages(caught.value) == {"issued": MSG_ISSUED, "valid": MSG_VALID}


# --- the special fund ---------------------------------------------------------------------


def test_the_fund_cap_and_the_years_total() -> None:
    limits = FundLimits(2026, total_fen=200_000_000, cap_fen=20_000_000)
    assert check_fund(limits, 20_000_000, 20_000_000, 180_000_000) == {}
    assert check_fund(limits, 30_000_000, 20_000_001, 0)["approved_fen"].message == MSG_OVER_CAP
    over = check_fund(limits, 20_000_000, 20_000_000, 180_000_001)["approved_fen"]
    assert over.message == MSG_OVER_TOTAL and over.args_map["left"] == "199,999.99"
    assert yuan(200_000_000) == "2,000,000.00" and yuan(5) == "0.05"


def test_a_fund_projects_steps_need_their_dates_and_amount() -> None:
    values = {"year": 2026, "title": "村道路灯", "stage": "accepted", "requested_fen": 100}
    with pytest.raises(DraftInvalid) as caught:
        check_values(SPECS["fund-projects"], values, TODAY)
    assert set(caught.value.errors) == {"applied_on", "verified_on", "accepted_on", "approved_fen"}
    values |= {"applied_on": dt.date(2026, 3, 1), "verified_on": dt.date(2026, 2, 1),
               "accepted_on": dt.date(2026, 4, 1), "approved_fen": 100}  # fmt: skip
    with pytest.raises(DraftInvalid) as caught:
        check_values(SPECS["fund-projects"], values, TODAY)
    assert set(caught.value.errors) == {"verified_on"}  # before the application


def test_percent_dates_and_required_fields() -> None:
    with pytest.raises(DraftInvalid) as caught:
        check_values(
            SPECS["project-milestones"],
            {"project_id": None, "day": TODAY + dt.timedelta(days=1), "percent": 120, "note": ""},
            TODAY,
        )
    assert set(caught.value.errors) == {"project_id", "day", "percent", "note"}


# --- the service --------------------------------------------------------------------------

pytestmark = pytest.mark.backends


@pytest.fixture
def county(new_db) -> Iterator:
    svc = open_services(new_db("county"), today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    yield svc
    svc.close()


def fund(title: str, approved: int, stage: str = "verified") -> dict:
    return {"year": 2026, "title": title, "stage": stage, "requested_fen": approved,
            "approved_fen": approved, "applied_on": dt.date(2026, 3, 1),
            "verified_on": dt.date(2026, 3, 9)}  # fmt: skip


def test_the_service_keeps_the_years_fund_within_its_total(county) -> None:
    p = county.programmes
    p.set_fund_limits(FundLimits(2026, total_fen=30_000_000, cap_fen=20_000_000))
    first = p.save("fund-projects", fund("村道路灯", 20_000_000))
    with pytest.raises(DraftInvalid) as caught:
        p.save("fund-projects", fund("便民桥", 15_000_000))
    assert messages(caught.value) == {"approved_fen": MSG_OVER_TOTAL}
    p.save("fund-projects", fund("便民桥", 15_000_000, stage="applied"))  # not yet committed
    assert p.fund_used(2026) == 20_000_000
    # Changing the first project does not count it twice against the total.
    p.save("fund-projects", {**fund("村道路灯", 10_000_000)}, first.id, first.version)
    p.save("fund-projects", fund("文化广场", 15_000_000))
    assert p.fund_used(2026) == 25_000_000
    with pytest.raises(ServiceError):
        p.set_fund_limits(FundLimits(2026, total_fen=10, cap_fen=20))


def test_a_vote_decides_and_a_project_not_chosen_returns_to_the_pool(county) -> None:
    p = county.programmes
    project = p.save("projects", {"year": 2026, "title": "农贸市场改造", "budget_fen": 10**9})
    with pytest.raises(DraftInvalid):
        p.save("project-votes", {**VOTE, "project_id": project.id, "valid": 170})
    assert p.get("projects", project.id)["stage"] == "proposed"  # nothing written
    p.save("project-votes", {**VOTE, "project_id": project.id, "first": 60, "second": 114})
    lost = p.get("projects", project.id)
    assert (lost["stage"], lost["out_selection"]) == ("not_chosen", "60/114/3")
    back = p.return_to_pool(project.id, lost.version)
    assert (back["stage"], back["year"]) == ("proposed", 2027)
    with pytest.raises(ServiceError):
        p.return_to_pool(project.id, back.version)
    # Deleting the project takes its votes with it.
    p.delete("projects", project.id)
    assert p.rows("project-votes") == [] and p.rows("projects") == []


def test_a_draft_with_comments_cannot_be_deleted(county) -> None:
    p = county.programmes
    draft = p.save("drafts", {"title": "条例（草案）", "received_on": dt.date(2026, 5, 1)})
    p.save("draft-comments", {"draft_id": draft.id, "received_on": TODAY, "content": "建议"})
    with pytest.raises(ServiceError):
        p.delete("drafts", draft.id)
    assert p.get("drafts", draft.id)["out_comments"] == 1


def test_amounts_are_read_exactly_as_written() -> None:
    from desktop.domain.money import parse_yuan

    assert parse_yuan("¥1,234.5元") == 123_450 and parse_yuan("０.２９") == 29
    assert parse_yuan("-3") == -300 and yuan(-300) == "-3.00"
    for bad in ("1.234", "abc", "", "NaN", "Infinity"):
        with pytest.raises(ValueError):
            parse_yuan(bad)
