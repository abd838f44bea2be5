"""The layout's rules, checked on the source: the README's settings table is `Settings.table()`, no module of
`assistant/` reads another object's private attributes, `evals/` never imports `tests/`, the LangChain quickstart is
set up once, and tests needing ../shared/corpus fail under CI=true instead of skipping."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from tests import conftest

README = PROJECT_ROOT / "README.md"


def readme_settings_rows() -> list[tuple[str, str, str]]:
    """(variable, default, meaning) of each row of the README's settings table, `\\|` read back as `|`."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Settings (environment variables)"):]
    table = section[section.index("| variable | default | meaning |"):]
    rows = []
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append((cells[0].strip("`"), cells[1], cells[2]))
    return rows


def test_readme_settings_table_is_the_settings_table():
    rows = readme_settings_rows()
    assert rows == Settings.table(), "run `python scripts/settings_table.py` after changing assistant/config.py"
    assert len(rows) == len({r[0] for r in rows}) >= 30  # one row per field, none twice


def private_reads(source: str) -> list[str]:
    """`obj._x` where obj is not self/cls, `from m import _x`, and getattr(obj, "_x"), with their line numbers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom):
            found += [f"{node.lineno}: from {node.module} import {a.name}" for a in node.names if _private(a.name)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr")
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and _private(node.args[1].value)):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_the_private_access_check_sees_what_it_must():
    source = ("class A:\n    def f(self, other):\n        self._mine = other._theirs\n        return cls._ok\n"
              "from m import _hidden, shown\nx = getattr(y, '_z')\nv = obj.__dict__\n")
    assert private_reads(source) == ["3: other._theirs", "5: from m import _hidden", "6: getattr(y, '_z')"]


def test_no_module_reads_another_objects_private_attributes():
    offenders = {str(path.relative_to(PROJECT_ROOT)): found
                 for path in sorted((PROJECT_ROOT / "assistant").rglob("*.py"))
                 if (found := private_reads(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports, at any depth of the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_evals_and_the_package_never_import_the_tests():
    files = [*sorted((PROJECT_ROOT / "evals").rglob("*.py")), *sorted((PROJECT_ROOT / "assistant").rglob("*.py")),
             PROJECT_ROOT / "app.py"]
    assert [str(f.relative_to(PROJECT_ROOT)) for f in files if "tests" in imported_modules(f)] == []


def test_the_langchain_quickstart_is_set_up_in_one_place():
    users = sorted(str(p.relative_to(PROJECT_ROOT)) for folder in ("assistant", "evals")
                   for p in (PROJECT_ROOT / folder).rglob("*.py")
                   if re.search(r"chunk_size=\s*(1000|QUICKSTART_CHUNK_SIZE)", p.read_text(encoding="utf-8")))
    assert users == ["assistant/evaluation/pipelines.py"]


def test_no_test_module_skips_silently_without_the_shared_corpus():
    silent = [p.name for p in sorted(Path(__file__).parent.glob("test_*.py"))
              if re.search(r"skipif\(\s*not SHARED_CORPUS", p.read_text(encoding="utf-8"))]
    assert silent == [], "use tests.conftest.require_corpus(): under CI=true a missing corpus must fail"


def test_a_missing_corpus_fails_under_ci_and_skips_elsewhere(tmp_path, monkeypatch):
    missing = tmp_path / "shared" / "corpus"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        conftest.check_corpus(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        conftest.check_corpus(missing)
    missing.mkdir(parents=True)
    assert conftest.check_corpus(missing) == missing


def test_default_settings_never_index_into_the_repository(default_settings):
    assert PROJECT_ROOT / "index" not in [default_settings.index_dir, *default_settings.index_dir.parents]
    assert (default_settings.index_dir / "CURRENT").is_file()
