"""The desk fixtures serve here too."""

from ..desk.conftest import content, git_content  # noqa: F401
