"""Wheel build hook: compile the analysis hot path with mypyc, or fall back to pure Python.

The modules in ``[tool.hatch.build.targets.wheel.hooks.custom] modules`` are compiled to C
extension modules by mypyc (the compiler shipped with mypy) from the same type-checked source.
The wheel keeps every ``.py`` file too; Python imports an extension module before a source file
of the same name, so a compiled wheel runs the compiled modules and a pure wheel runs the
source. Output is identical either way (``tests/test_build.py`` compares them).

Compilation happens in a temporary copy of the package, never in the checkout, so a checkout
never holds a stale extension module that would shadow edited source. It is skipped, and the
wheel is pure Python, when

- the build is editable (``pip install -e``): the checkout's source is what runs;
- ``FRAMING_PURE_PYTHON`` is set to a non-empty value;
- compilation fails for any reason (no C compiler, no Python headers, a mypyc error). The
  reason is printed and the build goes on: ``pip install .`` works on any machine that runs
  Python.

``framing.compiled_modules()`` tells at run time which modules are compiled, and
``framing --version`` prints it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="framing-compiled",
    ext_modules=mypycify({args!r}, opt_level="3", group_name="framing"),
)
"""


class CompileError(RuntimeError):
    """mypyc could not compile the modules; the message holds its output."""


def compile_modules(
    root: Path, modules: Sequence[str], workdir: Path, env: dict[str, str] | None = None
) -> dict[str, str]:
    """Compile ``modules`` (paths relative to ``root``, e.g. ``framing/text.py``) in a copy of
    the ``framing`` package under ``workdir``. Returns {built file: path inside the wheel}."""
    package = Path(modules[0]).parts[0]
    shutil.copytree(root / package, workdir / package, ignore=shutil.ignore_patterns("*.so"))
    args = ["--ignore-missing-imports", *modules]
    (workdir / "setup.py").write_text(_SETUP.format(args=args), encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "setup.py", "build_ext", "--inplace"],
        cwd=workdir,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        check=False,
    )
    if process.returncode:
        tail = process.stdout.decode("utf-8", "replace").strip().splitlines()[-15:]
        raise CompileError("\n".join(tail))
    built: dict[str, str] = {}
    for module in modules:
        stem = str(Path(module).with_suffix(""))
        found = glob.glob(str(workdir / f"{stem}.*.so")) + glob.glob(str(workdir / f"{stem}.*.pyd"))
        if len(found) != 1:
            raise CompileError(f"expected one extension module for {module}, found {found}")
        built[found[0]] = os.path.relpath(found[0], workdir)
    for shared in glob.glob(str(workdir / "framing__mypyc.*")):
        if shared.endswith((".so", ".pyd")):
            built[shared] = os.path.relpath(shared, workdir)
    return built


class CompiledModulesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._workdir: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("FRAMING_PURE_PYTHON"):
            self.app.display_info("framing: FRAMING_PURE_PYTHON is set; building pure Python")
            return
        modules = list(self.config.get("modules", []))
        if not modules:
            return
        self._workdir = tempfile.mkdtemp(prefix="framing-mypyc-")
        try:
            built = compile_modules(Path(self.root), modules, Path(self._workdir))
        except Exception as exc:  # any failure: the pure-Python wheel is always correct
            self.app.display_warning(
                f"framing: compiling {', '.join(modules)} with mypyc failed; the wheel is "
                f"pure Python (same results, slower).\n{exc}"
            )
            return
        self.app.display_info(f"framing: compiled {', '.join(modules)} with mypyc")
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_workdir", None):
            shutil.rmtree(str(self._workdir), ignore_errors=True)
