"""The cycle collector is held off while counts build their objects, and only then."""

from __future__ import annotations

import gc
import threading

from desktop.services.common import collector_paused


def test_the_collector_runs_again_after_the_last_holder_whichever_thread_it_is() -> None:
    assert gc.isenabled()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            assert leave.wait(10)

    worker = threading.Thread(target=other)
    with collector_paused():
        assert not gc.isenabled()
        worker.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the worker still counts
    leave.set()
    worker.join(10)
    assert gc.isenabled()


def test_an_error_inside_still_lets_the_collector_run_and_a_disabled_one_stays_off() -> None:
    try:
        with collector_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: not ours to turn on
    finally:
        gc.enable()


def test_as_a_decorator_each_call_pauses_afresh() -> None:
    seen = []

    @collector_paused()
    def count() -> None:
        seen.append(gc.isenabled())

    count()
    count()
    assert seen == [False, False] and gc.isenabled()
