"""The compiled build: which modules it compiles, that it falls back to pure Python, and that an
installed compiled wheel gives byte-identical results to the source (hatch_build.py)."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import framing
from framing.analyze import Analyzer
from framing.records import dumps, to_record
from framing.types import Document
from tests.conftest import REPO, SEED, require

# Run by the installed framing in a subprocess started outside the checkout: the SHA-1 of every
# document's JSONL record, and which modules ran compiled.
_INSTALLED_SCRIPT = """
import hashlib, json, sys
import framing
from framing.analyze import Analyzer
from framing.records import dumps, to_record
from framing.types import Document
docs = json.load(open(sys.argv[1], encoding="utf-8"))
analyzer = Analyzer()
print(json.dumps({
    "file": framing.__file__,
    "compiled": list(framing.compiled_modules()),
    "hashes": [hashlib.sha1(dumps(to_record(analyzer.analyze(Document(id=i, text=t))))).hexdigest()
               for i, t in docs],
}))
"""


def _hook_config() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as f:
        config: dict[str, Any] = tomllib.load(f)["tool"]["hatch"]["build"]["targets"]["wheel"]
    return config["hooks"]["custom"]


def test_compilable_modules_are_the_modules_the_build_compiles() -> None:
    assert _hook_config()["modules"] == [f"framing/{m}.py" for m in framing.COMPILABLE_MODULES]


@pytest.mark.parametrize("module", framing.COMPILABLE_MODULES)
def test_compiled_modules_define_no_public_dataclass(module: str) -> None:
    # mypyc compiles a dataclass into a native class, and a frozen one cannot be unpickled; the
    # worker processes of --jobs and the Dask engine receive results by pickle
    tree = ast.parse((REPO / "framing" / f"{module}.py").read_text(encoding="utf-8"))
    public = [
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and not node.name.startswith("_")
        and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
    ]
    assert public == []


def test_no_extension_module_in_the_checkout_shadows_the_source() -> None:
    # the build compiles in a temporary copy: an extension module here would run instead of
    # the edited source
    if Path(framing.__file__).resolve().parent != REPO / "framing":
        pytest.skip("the tests import an installed framing, not the checkout")
    assert framing.compiled_modules() == ()
    assert sorted(p.name for p in (REPO / "framing").glob("*.so")) == []


def _pure_hashes(docs: list[tuple[str, str]]) -> list[str]:
    analyzer = Analyzer()
    return [
        hashlib.sha1(dumps(to_record(analyzer.analyze(Document(id=i, text=t))))).hexdigest()
        for i, t in docs
    ]


def _installed_hashes(docs: list[tuple[str, str]], tmp_path: Path) -> dict[str, Any]:
    """Results of the framing installed in this interpreter's environment, or a skip."""
    corpus = tmp_path / "docs.json"
    corpus.write_text(json.dumps(docs), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-c", _INSTALLED_SCRIPT, str(corpus)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 and "No module named 'framing'" in proc.stderr:
        pytest.skip("framing is not installed in this environment (only the checkout is tested)")
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout)
    if Path(out["file"]).resolve().parent == REPO / "framing":
        pytest.skip("the installed framing is this checkout (editable install): nothing compiled")
    if not out["compiled"]:
        pytest.skip(
            f"the installed framing ({out['file']}) is pure Python: an editable install, or a "
            "wheel built without a C compiler or with FRAMING_PURE_PYTHON"
        )
    return out


def _demo_docs() -> list[tuple[str, str]]:
    lines = (REPO / "examples" / "demo" / "articles.jsonl").read_text(encoding="utf-8")
    return [(d["id"], d["text"]) for d in map(json.loads, lines.splitlines())]


def test_installed_compiled_build_gives_identical_records_on_the_demo_corpus(
    tmp_path: Path,
) -> None:
    docs = _demo_docs()
    out = _installed_hashes(docs, tmp_path)
    assert out["compiled"] == list(framing.COMPILABLE_MODULES)
    differ = [
        i for (i, _), a, b in zip(docs, out["hashes"], _pure_hashes(docs), strict=True) if a != b
    ]
    assert differ == []


@pytest.mark.data
def test_installed_compiled_build_gives_identical_records_on_polnear_and_the_seed(
    data_dir: Path, tmp_path: Path
) -> None:
    dev = require(data_dir, "polnear/dev/text")
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(dev.glob("*.txt"))]
    docs.append(("seed", require(data_dir, SEED).read_text(encoding="utf-8")))
    out = _installed_hashes(docs, tmp_path)
    differ = [
        i for (i, _), a, b in zip(docs, out["hashes"], _pure_hashes(docs), strict=True) if a != b
    ]
    assert len(docs) == 85
    assert differ == []


# ------------------------------------------------------------------------------ the build hook


class _App:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def display_info(self, message: str) -> None:
        self.messages.append(("info", message))

    def display_warning(self, message: str) -> None:
        self.messages.append(("warning", message))


def _hook(tmp_path: Path, app: _App) -> Any:
    pytest.importorskip("hatchling", reason="the build hook is a hatchling plugin")
    sys.path.insert(0, str(REPO))
    try:
        import hatch_build
    finally:
        sys.path.remove(str(REPO))
    return hatch_build.CompiledModulesHook(
        str(REPO), _hook_config(), None, None, str(tmp_path), "wheel", app
    )


def _build_data() -> dict[str, Any]:
    return {"pure_python": True, "infer_tag": False, "force_include": {}}


@pytest.mark.slow
def test_hook_builds_pure_python_when_compilation_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CC", "false")  # a C compiler that always fails
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    app = _App()
    hook = _hook(tmp_path, app)
    data = _build_data()
    hook.initialize("standard", data)
    hook.finalize("standard", data, str(tmp_path / "x.whl"))
    assert data == _build_data()  # a pure wheel: nothing compiled is included
    assert [kind for kind, _ in app.messages] == ["warning"]
    assert "pure Python" in app.messages[0][1]
    assert not list((REPO / "framing").glob("*.so"))  # the checkout was never touched


@pytest.mark.parametrize(
    ("version", "env"), [("editable", {}), ("standard", {"FRAMING_PURE_PYTHON": "1"})]
)
def test_hook_does_not_compile_editable_or_opted_out_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, env: dict[str, str]
) -> None:
    monkeypatch.setenv("CC", "false")  # were compilation attempted, it would warn
    monkeypatch.delenv("FRAMING_PURE_PYTHON", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    app = _App()
    hook = _hook(tmp_path, app)
    data = _build_data()
    hook.initialize(version, data)
    assert data == _build_data()
    assert all(kind == "info" for kind, _ in app.messages)
