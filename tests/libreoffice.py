"""Run LibreOffice headless, as a real spreadsheet program that re-saves and renders our files."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

# Every sheet to its own file, UTF-8 (76), comma-separated, values as shown on screen.
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def convert(files: Sequence[Path], to: str, outdir: Path) -> None:
    """Open *files* in LibreOffice and save them in format *to* under *outdir*.

    Each call gets a private profile, so parallel runs on one machine do not collide.
    """
    from .conftest import require_program

    soffice = require_program("soffice", "libreoffice")
    profile = Path(tempfile.mkdtemp(prefix="lo-qcity-"))
    try:
        proc = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(outdir),
                *(str(f) for f in files),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
