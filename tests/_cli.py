"""The `newsextract` command run as a user runs it: `python -m newsextract` in a subprocess,
importing this checkout's `src/`. Shared by the CLI, batch and WARC tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"


def run_cli(
    *args: str, stdin: bytes = b"", cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[bytes]:
    """Run the command with `args`; its output and exit status, whatever they are. A run
    longer than `timeout` seconds fails the test (`subprocess.TimeoutExpired`): a hang."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "newsextract", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def json_lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    """The records the command wrote, one JSON object per line of stdout."""
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
