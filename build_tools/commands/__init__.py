"""Subcommands of the ``atlas`` CLI: one module each, with ``add_arguments`` and ``run``.

A new subcommand is a module here plus one line in :data:`COMMANDS`.
"""

COMMANDS = [
    "init",
    "check",
    "fix",
    "new",
    "schema",
    "build",
    "flyers",
    "export",
    "import_",
    "report",
    "generate",
]
