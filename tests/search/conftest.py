"""The sample atlas as the search sees it: its catalog and the page inputs records read."""

from __future__ import annotations

import pytest

from build_tools.content import load_catalog
from tests.buildkit import page_inputs, sample_project
from tests.conftest import TODAY


@pytest.fixture(scope="session")
def sample():
    project = sample_project()
    result = load_catalog(project.content_dir, project.settings, TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog


@pytest.fixture(scope="session")
def facts(sample):
    return page_inputs(sample)
