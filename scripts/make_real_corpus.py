"""Build the real-world corpus: spreadsheets nobody here made, picked from public repositories.

    python scripts/make_real_corpus.py --mirrors DIR [--out tests/real/files] [--superset]

DIR holds one bare-git mirror per repository, named `owner+name/repo` (as the workplace's
fetch tool lays them out). For each repository below, the files of the newest commit whose
names end in a spreadsheet suffix are listed; the picked ones (small, features first, a cap per
repository) are copied to --out under `owner+name/path`, with their licence texts, and
`tests/real/manifest.csv` (repository, path, commit, licence, producer, bytes, sha256) is
rewritten. The files themselves are not committed: the corpus test reads them from
QCITY_REAL_FILES, from `../shared/real-files` beside the clone (CI's copy of shared/), from
tests/real/files, or builds them from QCITY_REAL_MIRRORS, and skips when none exists (failing
instead under QCITY_REQUIRE_CORPUS=1).

With --superset every listed file (not only the picked ones) is counted, and figures about the
superset are printed: how many files, by suffix and by producer.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "real" / "manifest.csv"
SUFFIXES = (".xlsx", ".xlsm", ".ods", ".fods", ".numbers")
MAX_BYTES = 250_000  # a file; the corpus stays under ~20 MB

# repository -> (licence, licence file in the repository, files to take at most)
REPOSITORIES: dict[str, tuple[str, str, int]] = {
    "SheetJS/test_files": ("Apache-2.0", "LICENSE", 80),
    "tafia/calamine": ("MIT", "LICENSE-MIT.md", 50),
    "exceljs/exceljs": ("MIT", "LICENSE", 25),
    "frictionlessdata/frictionless-py": ("MIT", "LICENSE.md", 15),
    "qax-os/excelize": ("BSD-3-Clause", "LICENSE", 9),
    "apache/poi": ("Apache-2.0", "legal/LICENSE", 40),
    "ClosedXML/ClosedXML": ("MIT", "LICENSE", 25),
    "jmcnamara/XlsxWriter": ("BSD-2-Clause", "LICENSE.txt", 30),
}

# Names that promise a feature the issue lists come first, so a cap keeps them.
FEATURES = re.compile(
    r"merge|comment|note|image|picture|macro|vba|xlsm|pivot|rich|date|time|error|strict|"
    r"numbers|ods|chart|formula|style|hyperlink|table|protect|valid|wps|unicode|chinese|cjk|"
    r"shared|inline|empty|blank|hidden|defined|names?|format|bool|large|sparse",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Listed:
    """A spreadsheet file in a repository's newest commit."""

    repo: str
    path: str
    size: int


def mirror(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def git(repo_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo_dir), *args], capture_output=True, check=True
    ).stdout


def listed(mirrors: Path, repo: str) -> list[Listed]:
    """Every spreadsheet file of the repository's HEAD, with its size."""
    out = git(mirror(mirrors, repo), "ls-tree", "-r", "-l", "-z", "HEAD").decode("utf-8")
    found = []
    for entry in out.split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        size = meta.split()[3]
        if path.lower().endswith(SUFFIXES) and size.isdigit():
            found.append(Listed(repo, path, int(size)))
    return found


def picked(files: list[Listed], cap: int) -> list[Listed]:
    """Small files, those naming a feature first, at most *cap*, one per distinct name."""
    small = [f for f in files if 0 < f.size <= MAX_BYTES and not _is_lock_file(f.path)]
    small.sort(key=lambda f: (FEATURES.search(Path(f.path).name) is None, f.path))
    seen: set[str] = set()
    chosen = []
    for f in small:
        name = Path(f.path).name.lower()
        if name in seen:
            continue
        seen.add(name)
        chosen.append(f)
        if len(chosen) == cap:
            break
    return sorted(chosen, key=lambda f: f.path)


def _is_lock_file(path: str) -> bool:
    return Path(path).name.startswith(("~$", ".~lock"))


def producer(data: bytes, suffix: str) -> str:
    """The program that wrote the file, as the file says (docProps/app.xml, meta.xml)."""
    if suffix == ".numbers":
        return "Apple Numbers"
    head = data[:20_000]
    if suffix == ".fods":
        match = re.search(rb"<meta:generator>([^<]{1,80})</meta:generator>", head)
        return match.group(1).decode("utf-8", "replace") if match else "unknown (flat ODS)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = {n.lower(): n for n in z.namelist()}
            if "docprops/app.xml" in names:
                app = z.read(names["docprops/app.xml"])[:20_000]
                match = re.search(rb"<(?:\w+:)?Application>([^<]{1,80})<", app)
                if match:
                    version = re.search(rb"<(?:\w+:)?AppVersion>([^<]{1,20})<", app)
                    text = match.group(1).decode("utf-8", "replace").strip()
                    return f"{text} {version.group(1).decode()}" if version else text
            if "meta.xml" in names:
                meta = z.read(names["meta.xml"])[:20_000]
                match = re.search(rb"<meta:generator>([^<]{1,80})</meta:generator>", meta)
                if match:
                    return match.group(1).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "unknown (not a zip)"
    return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "real" / "files")
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="where to write it")
    parser.add_argument("--superset", action="store_true", help="print figures on every file")
    args = parser.parse_args(argv)

    rows = []
    superset: Counter[str] = Counter()
    total = 0
    for repo, (licence, licence_file, cap) in REPOSITORIES.items():
        repo_dir = mirror(args.mirrors, repo)
        if not repo_dir.exists():
            print(f"skipped {repo}: no mirror at {repo_dir}", file=sys.stderr)
            continue
        commit = git(repo_dir, "rev-parse", "HEAD").decode().strip()
        files = listed(args.mirrors, repo)
        for f in files:
            superset[Path(f.path).suffix.lower()] += 1
        folder = args.out / repo.replace("/", "+")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "LICENCE.txt").write_bytes(git(repo_dir, "show", f"HEAD:{licence_file}"))
        for f in picked(files, cap):
            data = git(repo_dir, "show", f"HEAD:{f.path}")
            target = folder / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            total += len(data)
            rows.append(
                {
                    "repository": repo,
                    "path": f.path,
                    "commit": commit,
                    "licence": licence,
                    "producer": producer(data, Path(f.path).suffix.lower()),
                    "bytes": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
    args.manifest.parent.mkdir(parents=True, exist_ok=True)
    with args.manifest.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["repository"])
        writer.writeheader()
        writer.writerows(rows)
    producers = Counter(re.split(r"[ /]", str(r["producer"]))[0] for r in rows)
    print(f"picked {len(rows)} files, {total / 1e6:.1f} MB, into {args.out}")
    print("producers:", ", ".join(f"{p} {n}" for p, n in producers.most_common()))
    if args.superset:
        print(f"superset: {sum(superset.values())} files:", dict(superset))
    return 0


if __name__ == "__main__":
    sys.exit(main())
