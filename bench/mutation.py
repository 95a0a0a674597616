"""Mutation testing of the core: how many small, plausible bugs the tests catch, per package.

Run:  .venv/bin/python bench/mutation.py [PACKAGE ...] [--survivors]
      (packages by the names below, e.g. "mongolian script"; all of them if none is given)

For each package, mutmut (pinned in the `bench` extra) works in a scratch copy of the project,
so the checkout is never touched: it changes one thing at a time in the package's code (a
comparison, a number, a string, a call left out) and runs the tests of that package that
reach the changed function, stopping at the first failure. A mutant is killed when a test
fails (or it hangs past mutmut's timeout); it survives when every test still passes; "no
tests" means no test of the package reaches that code at all, which counts as survived.

Score = killed / (mutants - equivalent). Equivalent mutants change nothing a user could
observe; each is listed with its reason under "Equivalent mutants" in docs/testing.md, and
that list is read here. Target (issue "Tests that catch real bugs"): ≥ 85 % per package.

It is a bench, not a CI gate: every package together takes a long while on 2 cores.
`--survivors` prints each survivor's change (`mutmut show`), for review.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# package → (the files mutated, the tests that exercise them)
PACKAGES = {
    "readers": (
        ["portal/readers/*"],
        ["test_loader.py", "test_yaml_reader.py", "test_hostile_content.py", "test_import.py", "test_layout.py"],
    ),
    "check": (
        ["portal/check/*"],
        ["test_orthography.py", "test_translation.py", "test_publishing.py", "test_glossary.py", "test_cli.py"],
    ),
    "search analysis": (["portal/search/analysis.py"], ["test_search.py"]),
    "security headers": (["portal/web/security.py"], ["test_security.py", "test_hardening.py"]),
    "build": (
        ["portal/site/build.py", "portal/site/incremental.py", "portal/site/compress.py"],
        ["test_site.py", "test_incremental.py", "test_build_faults.py"],
    ),
    "mongolian script": (
        ["portal/text/mongolian.py"],
        ["test_mongolian.py", "test_orthography.py", "test_search.py", "test_translation.py"],
    ),
    "offline lists": (
        ["portal/site/offline.py", "portal/web/pages/offline.py"],
        ["test_reading.py", "test_site.py", "test_staff_feedback.py"],
    ),
    "open data": (
        ["portal/web/open_data.py"],
        ["test_figures.py", "test_glossary.py", "test_progress.py", "test_site.py"],
    ),
}
TARGET = 0.85
# The browser and whole-site gates need Chromium, nginx and minutes per run: left out here.
MARKS = "not browser and not slow"


def equivalent_mutants() -> dict[str, str]:
    """Mutant name → why it is equivalent, from docs/testing.md."""
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    section = text.split("## Equivalent mutants", 1)[1].split("\n## ", 1)[0] if "## Equivalent mutants" in text else ""
    return dict(re.findall(r"^- `([\w.ǁ]+)`: (.+)$", section, flags=re.M))


def scratch_copy(files: list[str], tests: list[str]) -> Path:
    """The project's files (tracked and new, as they are now) in a new folder, with mutmut's
    settings for one package."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    work = Path(tempfile.mkdtemp(prefix="portal-mutation-"))
    # mutmut runs the tests in work/mutants/, whose `../shared` must be the project's: the seed
    (work / "shared").symlink_to(ROOT.parent / "shared")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_symlink() and not source.exists():
            continue  # the hostile fixtures' dangling links: mutmut's copy cannot follow them
        if source.is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, work / name, follow_symlinks=False)
    settings = {
        "source_paths": ["portal"],
        "only_mutate": files,
        "also_copy": ["content", "static", "translations", "babel.cfg"],
        "pytest_add_cli_args_test_selection": [f"tests/{t}" for t in tests],
        "pytest_add_cli_args": ["-q", "-p", "no:cacheprovider", "-m", MARKS],
    }
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    with (work / "pyproject.toml").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return work


def mutmut(work: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=work, capture_output=True, text=True)


def run_package(name: str, equivalent: dict[str, str], show: bool) -> dict:
    files, tests = PACKAGES[name]
    work = scratch_copy(files, tests)
    try:
        start = time.perf_counter()
        ran = mutmut(work, "run", "--max-children", "2")
        seconds = time.perf_counter() - start
        if ran.returncode != 0:
            sys.exit(f"mutmut failed on {name}:\n{ran.stdout[-2000:]}\n{ran.stderr[-2000:]}")
        listed = mutmut(work, "results", "--all", "true").stdout.splitlines()
        statuses = dict(line.strip().rsplit(": ", 1) for line in listed if ": " in line)
        survivors = [m for m, s in statuses.items() if s in ("survived", "no tests") and m not in equivalent]
        if show:
            for mutant in survivors:
                print(mutmut(work, "show", mutant).stdout)
        counted = [m for m in statuses if m not in equivalent and statuses[m] != "skipped"]
        killed = sum(statuses[m] in ("killed", "timeout", "segfault") for m in counted)
        return {
            "mutants": len(statuses),
            "killed": killed,
            "survived": sum(statuses[m] == "survived" for m in counted),
            "no tests": sum(statuses[m] == "no tests" for m in counted),
            "equivalent": sum(m in equivalent for m in statuses),
            "score": killed / len(counted) if counted else 1.0,
            "seconds": seconds,
            "survivors": survivors,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    show = "--survivors" in sys.argv
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or list(PACKAGES)
    unknown = [n for n in names if n not in PACKAGES]
    if unknown:
        sys.exit(f"unknown package {unknown}; one of: {', '.join(PACKAGES)}")
    equivalent = equivalent_mutants()
    print(f"{'package':18}{'mutants':>8}{'killed':>8}{'survived':>9}{'no tests':>9}{'equiv.':>7}{'score':>7}  time")
    results = {}
    for name in names:
        r = results[name] = run_package(name, equivalent, show)
        print(
            f"{name:18}{r['mutants']:>8}{r['killed']:>8}{r['survived']:>9}{r['no tests']:>9}{r['equivalent']:>7}"
            f"{r['score']:>7.0%}  {r['seconds'] / 60:.1f} min",
            flush=True,
        )
    for name, r in results.items():
        if r["survivors"]:
            print(f"\nsurvivors in {name}: " + ", ".join(r["survivors"]))
    met = [n for n, r in results.items() if r["score"] >= TARGET]
    print(
        f"\ntarget ≥ {TARGET:.0%} per package: met by {len(met)} of {len(results)}"
        + (f" ({', '.join(met)})" if met else "")
    )


if __name__ == "__main__":
    main()
