"""The wheel carries every module and the rule data, so an installed citecheck works like a checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def clean_copy(dest: Path) -> Path:
    """The project's sources without build leftovers (a stale build/ folder leaks into wheels)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".hypothesis")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    source = clean_copy(tmp_path_factory.mktemp("src") / "citecheck")
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
                          capture_output=True, text=True)
    if proc.returncode != 0 and "No module named build" in proc.stderr:
        pytest.skip("the 'build' package is not installed")
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = out.glob("citecheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_module_is_in_the_wheel(wheel_names: set[str]) -> None:
    modules = {f"citecheck/{p.relative_to(ROOT / 'src' / 'citecheck').as_posix()}"
               for p in (ROOT / "src" / "citecheck").rglob("*.py")}
    missing = sorted(modules - wheel_names)
    assert not missing, f"modules missing from the wheel (add their package to pyproject.toml): {missing}"


def test_rule_data_ships_inside_the_wheel(wheel_names: set[str]) -> None:
    data = {f"citecheck/ruledata/{p.relative_to(ROOT / 'rules').as_posix()}"
            for p in (ROOT / "rules").rglob("*") if p.is_file()}
    assert data, "the rules/ data folder is empty"
    assert not sorted(data - wheel_names), f"rule data missing from the wheel: {sorted(data - wheel_names)}"
    assert not any(name.startswith("citecheck/ruledata/") and name.endswith(".py") for name in wheel_names)
