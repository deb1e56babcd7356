"""One Jupyter kernel that runs notebook after notebook, each as in a fresh kernel.

A kernel takes a second to start, and the notebooks' common imports (NumPy,
Matplotlib, scikit-learn, the package) as long again: run one after another in
separate kernels, the gallery's 14 notebooks took 89 s, in one kernel 47 s. Each
notebook starts with ``%reset -f`` (no name of the one before it is left; the
modules already imported stay) in the folder it is given. A kernel that died is
started again.

The kernel manager is the asynchronous one, as nbclient's own: with the blocking
one, nbclient's check that the kernel lives is blocked too, and a notebook that
ends its kernel (``os._exit``) hung its test; now it fails with DeadKernelError
within seconds. Used by the worksheet test (the test's own Python) and the download
tests (the reader's environment).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path


class NotebookKernel:
    """A kernel of ``python`` (with ``env`` as its environment, or the test's),
    its kernel spec and working files in ``folder``."""

    def __init__(
        self, python: Path, folder: Path, env: Mapping[str, str] | None = None
    ) -> None:
        spec = folder / "kernels" / "notebooks"
        spec.mkdir(parents=True)
        argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        kernel = {"argv": argv, "display_name": "notebooks", "language": "python"}
        (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
        self._folder = folder
        self._env = dict(os.environ if env is None else env)
        self._manager = None

    def _live_manager(self):
        """The kernel's manager, with a new kernel if there is none or it died."""
        from jupyter_client import AsyncKernelManager
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_core.utils import run_sync

        manager = self._manager
        if manager is None or not run_sync(manager.is_alive)():
            self.close()
            kernels = KernelSpecManager(kernel_dirs=[str(self._folder / "kernels")])
            manager = AsyncKernelManager(
                kernel_name="notebooks", kernel_spec_manager=kernels
            )
            run_sync(manager.start_kernel)(env=self._env, cwd=self._folder)
            self._manager = manager
        return manager

    def run(self, notebook, folder: Path, timeout: int = 600):
        """Execute ``notebook`` (an nbformat node, changed in place) top to bottom in
        ``folder``, from an empty namespace; it is returned with its outputs."""
        import nbclient
        import nbformat

        fresh = f"%reset -f\n__import__('os').chdir({str(folder)!r})"
        notebook.cells.insert(0, nbformat.v4.new_code_cell(fresh))
        try:
            nbclient.NotebookClient(
                notebook, km=self._live_manager(), timeout=timeout
            ).execute()
        finally:
            del notebook.cells[0]
        return notebook

    def run_file(self, path: Path) -> None:
        """Execute the notebook file ``path`` in its folder, as downloaded."""
        import nbformat

        self.run(nbformat.read(path, as_version=4), path.parent)

    def close(self) -> None:
        from jupyter_core.utils import run_sync

        if self._manager is not None:
            run_sync(self._manager.shutdown_kernel)(now=True)
            self._manager = None


def notebook_kernel(
    python: Path, folder: Path, env: Mapping[str, str] | None = None
) -> Iterator[NotebookKernel]:
    """A :class:`NotebookKernel` for a fixture, shut down at its end."""
    kernel = NotebookKernel(python, folder, env)
    yield kernel
    kernel.close()
