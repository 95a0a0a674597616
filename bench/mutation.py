"""Mutation testing of the core with mutmut: small plausible bugs are put into the code one at
a time, and the quick round of tests (`-m "not browser and not slow"`) runs against each. The
score of a package is the share of its mutants that some test kills.

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/mutation.py [MODULE ...]
      (default: the core modules below; one module takes minutes to an hour on two cores)
Target (issue "Tests that catch real bugs"): at least 85 % of non-equivalent mutants killed in
each core package. Survivors that are equivalent are listed with their reason in docs/testing.md.

mutmut copies the project into `mutants/` and cannot copy the hostile fixtures' deliberate
dangling symbolic links, so it runs in a copy of the checkout without symbolic links (the tests
that use them are in the slow set, which the mutation runs leave out anyway).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "portal/text/mongolian.py",
    "portal/text/numerals.py",
    "portal/readers/yamlfile.py",
    "portal/check/script.py",
    "portal/check/orthography.py",
    "portal/web/security.py",
    "portal/site/offline.py",
]


def copy_checkout(target: Path) -> None:
    """The files git tracks, without symbolic links; the seed text stays where the tests look
    for it (../shared beside the project, and beside mutmut's copy inside it)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_symlink() or not source.is_file():
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    shared = ROOT.parent / "shared"
    for place in (target.parent / "shared", target / "shared"):
        if shared.exists() and not place.exists():
            place.symlink_to(shared)


def configure(copy: Path, module: str) -> None:
    pyproject = copy / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"paths_to_mutate = \[[^\]]*\]", f'paths_to_mutate = ["{module}"]', text)
    pyproject.write_text(text, encoding="utf-8")


def score(copy: Path) -> Counter:
    """mutmut's verdict per mutant: killed, survived, timeout, suspicious, no tests…"""
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=copy, capture_output=True, text=True
    ).stdout
    return Counter(line.rsplit(":", 1)[1].strip() for line in shown.splitlines() if ":" in line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("modules", nargs="*", default=CORE)
    parser.add_argument("--max-children", type=int, default=2)
    args = parser.parse_args()
    rows = []
    for module in args.modules:
        with tempfile.TemporaryDirectory(prefix="mutation-") as folder:
            copy = Path(folder) / "project"
            copy_checkout(copy)
            configure(copy, module)
            subprocess.run(
                [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
                cwd=copy,
                stdout=subprocess.DEVNULL,
                check=False,
            )
            counts = score(copy)
            survivors = subprocess.run(
                [sys.executable, "-m", "mutmut", "results"], cwd=copy, capture_output=True, text=True
            ).stdout
        killed, total = counts.get("killed", 0), sum(counts.values())
        rows.append((module, killed, total, dict(counts)))
        print(f"{module}: {killed} of {total} mutants killed ({killed / max(total, 1):.0%}) {dict(counts)}")
        print("\n".join("    " + line for line in survivors.splitlines()[:40]))
    print("\nmodule                              killed / mutants   score   target ≥ 85 %")
    for module, killed, total, _ in rows:
        share = killed / max(total, 1)
        print(f"{module:36} {killed:6} / {total:<7}  {share:6.0%}   {'met' if share >= 0.85 else 'NOT met'}")


if __name__ == "__main__":
    main()
