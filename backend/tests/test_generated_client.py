"""An integrator's view: a client generated from the OpenAPI document by a maintained third-party
generator (openapi-python-client, in its own virtual environment ``.venv-codegen`` made by
``make``) sends a sync run, reads the change feed and lists schools, through readable method
names (``create_sync_run``, ``list_changes``, ``list_schools``), and uploads a CSV import as
``multipart/form-data``."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from spil.api import create_api
from tests.test_sync import key_for

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / ".venv-codegen" / "bin" / "openapi-python-client"
PACKAGE = "spil_generated_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    if not GENERATOR.exists():
        pytest.fail(
            f"{GENERATOR} not found: `make backend-install` makes the generator's virtual environment"
        )
    work = tmp_path_factory.mktemp("codegen")
    document = work / "openapi.json"
    document.write_text(json.dumps(create_api().openapi()))
    out = work / PACKAGE
    run = subprocess.run(
        [str(GENERATOR), "generate", "--path", str(document), "--meta", "none", "--output-path", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=work,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # Every schema became a model: no duplicate or unreadable component was dropped.
    assert "Unable to parse" not in run.stdout and "Failure to process" not in run.stdout, run.stdout
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(work))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def part(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def authenticated(package: ModuleType, client: Any, headers: dict[str, str]) -> Any:
    """The generated client, talking to the test app through the test client's transport."""
    token = headers["Authorization"].removeprefix("Bearer ")
    return package.AuthenticatedClient(
        base_url="http://testserver/api/v1",
        token=token,
        httpx_args={"transport": client._transport},
        raise_on_unexpected_status=True,
    )


def test_operations_have_readable_names(generated):
    for module in ("api.sync.create_sync_run", "api.changes.list_changes", "api.organisations.list_schools"):
        assert hasattr(part(generated, module), "sync_detailed"), module
    # the imports are offered (multipart/form-data), not skipped as a text/csv-only body
    assert hasattr(part(generated, "api.import_and_export.run_import"), "sync_detailed")
    assert hasattr(part(generated, "api.import_and_export.import_duo_schools"), "sync_detailed")


def test_a_generated_client_syncs_reads_the_feed_and_lists_schools(generated, login, client, demo):
    headers = key_for(login, demo, ["sync:write", "organisations:read", "people:read"])
    client.cookies.clear()
    api = authenticated(generated, client, headers)
    models = part(generated, "models")

    body = models.SyncRunCreate.from_dict(
        {
            "source": "parnassys",
            "people": [{"sourceId": "GEN-1", "name": "Gerda Generated", "email": "gerda@despil.nl"}],
            "roleAssignments": [{"personSourceId": "GEN-1", "role": "Leerkracht", "locationCode": "12AB00"}],
        }
    )
    create_sync_run = part(generated, "api.sync.create_sync_run")
    first = create_sync_run.sync_detailed(client=api, body=body)
    assert first.status_code == 201, first.content
    run = first.parsed
    assert isinstance(run, models.SyncRunOut)
    assert run.counts.people.created == 1 and run.counts.role_assignments.created == 1
    again = create_sync_run.sync(client=api, body=body)
    assert again.counts.people.unchanged == 1 and again.counts.role_assignments.unchanged == 1

    list_changes = part(generated, "api.changes.list_changes")
    feed = list_changes.sync(client=api, types="person")
    names = [change.to_dict().get("state", {}).get("name") for change in feed.items]
    assert "Gerda Generated" in names, names
    after = list_changes.sync(client=api, since=feed.next_cursor, types="person")
    assert after.items == []

    schools = part(generated, "api.organisations.list_schools").sync(client=api, page_size=100)
    assert "12AB00" in {school.location_code for school in schools.items}


def test_a_generated_client_uploads_an_import_as_multipart(generated, login, client, demo):
    headers = key_for(login, demo, ["partners:write"])
    client.cookies.clear()
    api = authenticated(generated, client, headers)
    run_import = part(generated, "api.import_and_export.run_import")
    body_type = next(
        getattr(part(generated, "models"), name)
        for name in dir(part(generated, "models"))
        if name.startswith("RunImport") and name.endswith("Body")
    )
    types = part(generated, "types")
    csv = b"name;category\nBibliotheek Generated;library\n"
    upload = body_type(file=types.File(payload=io.BytesIO(csv), file_name="partners.csv"))
    answer = run_import.sync_detailed(client=api, kind="partners", board_id=demo["41234"], body=upload)
    assert answer.status_code == 200, answer.content
    result = json.loads(answer.content)
    assert result["dryRun"] is True and result["valid"] == 1 and result["invalid"] == 0, result
    assert result["written"] is False
