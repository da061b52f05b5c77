"""One demo per test process, loaded once and shared by the tests that only read it.

Loading the demo takes seconds (minutes on PostgreSQL), and many tests only read it: the seed
report's figures, the organisation tree, the printed logins. The shared demo is loaded through
`gongkai load_demo` inside an outer transaction that is never committed. Each test that reads
it (the `shared_demo` fixture of the root conftest) runs in its own savepoint inside it — the
usual per-test transaction of pytest-django, one level down — so whatever a test writes is
rolled back and the next one finds the same demo. Before any other test runs, the outer
transaction is rolled back (`leave`), so no other test ever sees a demo row and nothing has to
be flushed or seeded again; the conftest runs the tests that read the demo one after another so
that each process loads it at most once.

Tests that check the loader itself (idempotence, the password reset) load their own demo.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from gongkai.accounts.models import User
from gongkai.demo import seed
from gongkai.organisations.models import Organisation

# Enough generated items to span every year and workflow state, and enough applications for
# every outcome, channel and appeal result; the 2009 figures do not depend on either.
GENERATED = 200
REQUESTS = 70


@dataclass(frozen=True)
class SharedDemo:
    output: str  # what `gongkai load_demo` printed
    media_root: Path  # the letters' files
    index_dir: Path  # the search index built at the end of the load

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.output.splitlines()]

    def organisations(self) -> dict[str, Organisation]:
        """The demo's organisations by their key in gongkai.demo.seed, read afresh."""
        by_code = {o.code: o for o in Organisation.objects.all()}
        return {spec.key: by_code[spec.code] for spec in seed.ORGANISATIONS}

    def users(self) -> dict[str, Any]:
        return {user.username: user for user in User.objects.all()}


@dataclass
class _Loaded:
    demo: SharedDemo
    atomic: Any  # django.db.transaction.Atomic, entered and never committed


_loaded: _Loaded | None = None


def enter(blocker: Any, tmp_path_factory: Any) -> None:
    """Load the shared demo in an outer transaction, unless it is loaded already."""
    global _loaded
    if _loaded is not None:
        return
    with blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo = _load(tmp_path_factory)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    _loaded = _Loaded(demo, atomic)


def current() -> SharedDemo | None:
    return _loaded.demo if _loaded is not None else None


def load_for_this_test_only(tmp_path_factory: Any) -> SharedDemo:
    """The demo inside the running test's own transaction: only when a test without the demo
    ran in between in this module (an unusual order), as sharing it would need the demo's
    transaction around the test's, and the test's is open already."""
    return _load(tmp_path_factory)


def leave(blocker: Any) -> None:
    """Roll the shared demo back, leaving the test database as the migrations made it."""
    global _loaded
    if _loaded is None:
        return
    loaded, _loaded = _loaded, None
    with blocker.unblock():
        transaction.set_rollback(True)
        loaded.atomic.__exit__(None, None, None)


def _load(tmp_path_factory: Any) -> SharedDemo:
    directory = Path(tmp_path_factory.mktemp("demo"))
    media_root, index_dir = directory / "media", directory / "search-index"
    out = StringIO()
    # The documented defaults, whatever this shell sets for `make demo`.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_DEMO_")}
    with (
        override_settings(MEDIA_ROOT=media_root, GONGKAI_SEARCH_INDEX_DIR=index_dir),
        mock.patch.dict(os.environ, environment, clear=True),
    ):
        call_command("load_demo", generated=GENERATED, requests=REQUESTS, stdout=out)
    return SharedDemo(out.getvalue(), media_root, index_dir)
