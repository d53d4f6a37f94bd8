"""The bundle manifest: canonical bytes, every field checked, a newer format named as such."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync.manifest import BAD_MANIFEST, NEWER_FORMAT, Manifest, ManifestRefused

SAMPLE = Manifest(
    bundle_id=uuid.UUID(int=1),
    sender=uuid.UUID(int=0xABCDEF),
    recipient=uuid.UUID(int=3),
    epoch=uuid.UUID(int=4),
    seq=7,
    previous="ab" * 32,
    schema="0005",
    reference_version=3,
    counts={"feedback_cases": 12, "case_events": 40},
    payload_sha256="cd" * 32,
    payload_size=123_456,
    sealed={"ephemeral": "QUJD", "nonce": "REVG"},
    written_at="2026-11-28T10:00:00+08:00",
)


def refused(data: bytes) -> str:
    with pytest.raises(ManifestRefused) as caught:
        Manifest.from_bytes(data, "站点.ldbundle")
    assert caught.value.args_map == {"file": "站点.ldbundle"}
    return caught.value.message


def test_round_trip_is_byte_exact() -> None:
    data = SAMPLE.to_bytes()
    assert Manifest.from_bytes(data) == SAMPLE
    assert Manifest.from_bytes(data).to_bytes() == data


def edited(**changes) -> bytes:
    body = json.loads(SAMPLE.to_bytes())
    body.update(changes)
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@pytest.mark.parametrize(
    "changes",
    [
        {"format": "something-else"},
        {"seq": 0},
        {"seq": "7"},
        {"seq": True},
        {"sender": "not-a-uuid"},
        {"sender": str(uuid.UUID(int=0xABCDEF)).upper()},
        {"previous": "xyz"},
        {"payload_sha256": ""},
        {"payload_size": -1},
        {"counts": {"Feedback Cases": 1}},
        {"counts": {"feedback_cases": -3}},
        {"sealed": {"nonce": 5}},
        {"unexpected": 1},
        {"written_at": "x" * 500},
    ],
)
def test_every_field_is_checked(changes) -> None:
    assert refused(edited(**changes)) == BAD_MANIFEST


def test_a_missing_field_or_other_bytes_are_refused() -> None:
    body = json.loads(SAMPLE.to_bytes())
    del body["epoch"]
    assert refused(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()) == BAD_MANIFEST
    spaced = json.dumps(json.loads(SAMPLE.to_bytes()), sort_keys=True).encode()  # not canonical
    assert refused(spaced) == BAD_MANIFEST
    assert refused(b"\xff\xfe not json") == BAD_MANIFEST
    assert refused(b"[1, 2, 3]") == BAD_MANIFEST
    assert refused(b"{" * 70_000) == BAD_MANIFEST


def test_a_newer_format_is_named_as_such() -> None:
    assert refused(edited(version=2)) == NEWER_FORMAT


@settings(max_examples=300)
@given(st.integers(min_value=0), st.integers(min_value=1, max_value=255))
def test_any_changed_byte_refuses_the_manifest(position: int, delta: int) -> None:
    data = bytearray(SAMPLE.to_bytes())
    data[position % len(data)] = (data[position % len(data)] + delta) % 256
    try:
        parsed = Manifest.from_bytes(bytes(data))
    except ManifestRefused:
        return
    assert parsed != SAMPLE  # a change that still parses is a different, valid manifest
