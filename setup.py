"""Ships the repository's notebooks/ and seeds/ inside the wheel (as egov/_notebooks and
egov/_seeds), so an installed `egov build` finds them; the repository copies stay the only
source. Everything else about the package is in pyproject.toml."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = {"_notebooks": ("notebooks", "[0-9]*.ipynb"), "_seeds": ("seeds", "*")}


class BuildWithData(build_py):
    """build_py, then copy the notebooks and the sample corpus into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs from the checkout, which has them already
        for target, (source, pattern) in SHIPPED.items():
            dest = Path(self.build_lib) / "egov" / target
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir(parents=True)
            for path in sorted((ROOT / source).glob(pattern)):
                if path.is_file():
                    shutil.copy2(path, dest / path.name)


# setuptools' own build folder, not build/ (the default report folder of `egov build`)
setup(cmdclass={"build_py": BuildWithData}, options={"build": {"build_base": ".setuptools-build"}})
